using System.Text.Json;
using System.Text.Json.Serialization;
using Affiliates.Cli.Cli;
using Affiliates.Programs;
using NodaTime;

namespace Affiliates.Cli.Files;

/// <summary>
/// A registry and its first terms as a JSON file (<c>affiliates registry create --terms FILE</c>). Amounts are decimal
/// strings in the payout asset, rates strings such as "5%" or "50bps"; anything left out keeps the library's default
/// (<see cref="ProgramTermsDefaults"/>). Unknown fields are refused, so a misspelt field is never silently ignored.
/// </summary>
internal sealed class TermsFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Admin { get; init; }

    public ProgramKind? Kind { get; init; }

    /// <summary>"SOL", "USDC-solana", "ETH", "USDC-ethereum", "COW", "USD", or an object {chain, symbol, decimals, contract}.</summary>
    public JsonElement Asset { get; init; }

    public string? ReferralFee { get; init; }

    public IReadOnlyList<MultiplierRow>? Multipliers { get; init; }

    public RangeRow? Kickback { get; init; }

    public RangeRow? AffiliateFee { get; init; }

    public IReadOnlyList<TierRow>? Tiers { get; init; }

    public TierMetric? TierMetric { get; init; }

    public bool? TiersNeverDowngrade { get; init; }

    public EpochCadence? Epochs { get; init; }

    public string? MinimumPayout { get; init; }

    public BindingPolicy? BindingPolicy { get; init; }

    public int? AttributionWindowDays { get; init; }

    public int? CodeCooldownDays { get; init; }

    public bool? AllowSelfReferral { get; init; }

    public bool? NewUsersOnly { get; init; }

    public IReadOnlyList<string>? ReservedCodes { get; init; }

    /// <summary>Reads and checks the file; every problem is a usage error naming the file and the field.</summary>
    public static NewRegistry Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"--terms '{path}' cannot be read: {e.Message}");
        }

        TermsFile file;
        try
        {
            file = JsonSerializer.Deserialize<TermsFile>(text, Options) ?? throw CliException.Usage($"--terms '{path}' is empty (null).");
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"--terms '{path}' is not a valid terms file: {e.Message}");
        }

        return file.ToRegistry(path);
    }

    private NewRegistry ToRegistry(string path)
    {
        string Where(string field) => $"--terms '{path}': {field}";
        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw CliException.Usage($"{Where(field)} is required.") : value;

        Asset asset = ParseAsset(Asset, Where("asset"));
        ProgramKind kind = Kind ?? throw CliException.Usage($"{Where("kind")} is required (\"feeShare\" or \"revenueShare\").");
        ProgramTerms terms = ProgramTermsDefaults.FeeShare(asset) with { Kind = kind };
        terms = terms with
        {
            DefaultReferralFee = ReferralFee is null ? terms.DefaultReferralFee : CliValues.Rate(ReferralFee, Where("referralFee")),
            MultiplierLadder = Multipliers is null ? terms.MultiplierLadder : [.. Multipliers.Select((m, i) => m.ToStep(asset, Where($"multipliers[{i}]")))],
            KickbackRange = Kickback?.ToRange(Where("kickback")) ?? terms.KickbackRange,
            AffiliateFeeRange = AffiliateFee?.ToRange(Where("affiliateFee")) ?? terms.AffiliateFeeRange,
            Tiers = Tiers is null ? terms.Tiers : [.. Tiers.Select((t, i) => t.ToStep(asset, TierMetric ?? terms.TierMetric, Where($"tiers[{i}]")))],
            TierMetric = TierMetric ?? terms.TierMetric,
            TiersNeverDowngrade = TiersNeverDowngrade ?? terms.TiersNeverDowngrade,
            Epochs = Epochs ?? terms.Epochs,
            MinimumPayout = MinimumPayout is null ? terms.MinimumPayout : CliValues.Amount(MinimumPayout, asset, Where("minimumPayout")),
            BindingPolicy = BindingPolicy ?? terms.BindingPolicy,
            AttributionWindow = AttributionWindowDays is { } days ? Days(days, Where("attributionWindowDays")) : terms.AttributionWindow,
            CodeCooldown = CodeCooldownDays is { } cooldown ? Days(cooldown, Where("codeCooldownDays")) : terms.CodeCooldown,
            AllowSelfReferral = AllowSelfReferral ?? terms.AllowSelfReferral,
            NewUsersOnly = NewUsersOnly ?? terms.NewUsersOnly,
            ReservedCodes = ReservedCodes ?? terms.ReservedCodes,
        };
        return new NewRegistry(Required(Id, "id"), Name ?? Id!, Required(Admin, "admin"), terms);
    }

    private static Duration Days(int days, string what) =>
        days is >= 0 and <= 3660 ? Duration.FromDays(days) : throw CliException.Usage($"{what} must be from 0 to 3660 days, not {days}.");

    private static Asset ParseAsset(JsonElement element, string what)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString()!.ToUpperInvariant() switch
            {
                "SOL" => Affiliates.Asset.Sol,
                "USDC-SOLANA" => Affiliates.Asset.UsdcSolana,
                "ETH" => Affiliates.Asset.Eth,
                "USDC-ETHEREUM" => Affiliates.Asset.UsdcEthereum,
                "COW" => Affiliates.Asset.Cow,
                "USD" => Affiliates.Asset.Usd,
                string other => throw CliException.Usage($"{what} '{other}' is not a known asset (SOL, USDC-solana, ETH, USDC-ethereum, COW, USD, or an object with chain, symbol, decimals and contract)."),
            };
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw CliException.Usage($"{what} is required: a preset name such as \"SOL\" or an object with chain, symbol, decimals and contract.");
        }

        try
        {
            AssetRow row = element.Deserialize<AssetRow>(Options) ?? throw new JsonException("null");
            return new Asset(row.Chain ?? string.Empty, row.Symbol ?? string.Empty, row.Decimals, row.Contract);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw CliException.Usage($"{what} is not a valid asset: {e.Message}");
        }
    }

    internal sealed record AssetRow(string? Chain, string? Symbol, int Decimals, string? Contract);

    internal sealed record RangeRow(string? Min, string? Max)
    {
        public RateRange ToRange(string what) => new(CliValues.Rate(Min ?? "0%", what + ".min"), CliValues.Rate(Max ?? "0%", what + ".max"));
    }

    internal sealed record MultiplierRow(string? Above, string? Multiplier)
    {
        public MultiplierStep ToStep(Asset asset, string what)
        {
            try
            {
                return new MultiplierStep(CliValues.Amount(Above, asset, what + ".above"), Affiliates.Multiplier.Parse(Multiplier ?? string.Empty));
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                throw CliException.Usage($"{what}.multiplier must be a multiplier such as 1.25, not '{Multiplier}'.");
            }
        }
    }

    internal sealed record TierRow(string? Name, string? AtLeast, string? Rate)
    {
        public TierStep ToStep(Asset asset, TierMetric metric, string what) => new(
            string.IsNullOrWhiteSpace(Name) ? throw CliException.Usage($"{what}.name is required.") : Name,
            metric == Programs.TierMetric.EpochReferrals
                ? Affiliates.Amount.FromUnits(int.TryParse(AtLeast, out int count) && count >= 0 ? count : throw CliException.Usage($"{what}.atLeast must be a count of referrals, not '{AtLeast}'."))
                : CliValues.Amount(AtLeast ?? "0", asset, what + ".atLeast"),
            CliValues.Rate(Rate, what + ".rate"));
    }
}
