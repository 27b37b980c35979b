using Affiliates.Cli;

if (args is not ["demo", ..])
{
    Console.Error.WriteLine("usage: affiliates demo [--affiliates N] [--weeks N] [--db PATH]");
    return 2;
}

int affiliates = Option("--affiliates", 140);
int weeks = Option("--weeks", 13);
string directory = Directory.CreateTempSubdirectory("affiliates-demo-").FullName;
string database = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault() ?? Path.Combine(directory, "program.db");

Console.WriteLine($"Subscription revenue share: {affiliates} partners, {weeks} weekly epochs, SQLite at {database}");
Console.WriteLine();
IReadOnlyList<string> roots = await new SubscriptionDemo(database, Console.Out).RunAsync(affiliates, weeks, shuffle: false);

Console.WriteLine();
Console.WriteLine("Replaying the same payments in reverse order into a fresh database...");
IReadOnlyList<string> replay = await new SubscriptionDemo(Path.Combine(directory, "replay.db"), TextWriter.Null).RunAsync(affiliates, weeks, shuffle: true);
bool identical = roots.SequenceEqual(replay);
Console.WriteLine(identical ? $"identical: all {roots.Count} weekly Merkle roots match" : "MISMATCH: the replay produced different statements");
return identical ? 0 : 1;

int Option(string name, int fallback)
{
    string? text = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return text is null ? fallback : int.TryParse(text, out int value) && value > 0 ? value : throw new ArgumentException($"{name} must be a positive whole number, not '{text}'.", name);
}
