using Microsoft.Extensions.Options;

namespace Affiliates.PostgreSql;

/// <summary>Collects every problem of a <see cref="PostgreSqlStoreOptions"/>.</summary>
internal sealed class PostgreSqlStoreOptionsValidator : IValidateOptions<PostgreSqlStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlStoreOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add($"{nameof(PostgreSqlStoreOptions.ConnectionString)} is required.");
        }

        if (options.BulkCopyThreshold < 1)
        {
            problems.Add($"{nameof(PostgreSqlStoreOptions.BulkCopyThreshold)} must be at least 1 (was {options.BulkCopyThreshold}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
