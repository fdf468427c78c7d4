using Microsoft.Extensions.Options;

namespace CommunityModel.Crm;

/// <summary>Checks <see cref="CrmOptions"/> at start-up, naming each bad setting by its path.</summary>
internal sealed class CrmOptionsValidator : IValidateOptions<CrmOptions>
{
    public ValidateOptionsResult Validate(string? name, CrmOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Database) || options.Database.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{CrmOptions.Section}:{nameof(CrmOptions.Database)} is '{options.Database}'; it must be a file path.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"{CrmOptions.Section}:{nameof(CrmOptions.Port)} is {options.Port}; it must be between 0 and 65535.");
        }

        Range(failures, nameof(CrmOptions.MonthEndPaymentsPerStep), options.MonthEndPaymentsPerStep, 10_000);
        Range(failures, nameof(CrmOptions.WritesPerSecond), options.WritesPerSecond, 1_000_000);
        Range(failures, nameof(CrmOptions.WriteBurst), options.WriteBurst, 1_000_000);
        Range(failures, nameof(CrmOptions.MaxPageSize), options.MaxPageSize, 10_000);
        Range(failures, nameof(CrmOptions.MaxFeedPage), options.MaxFeedPage, 10_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string name, int value, int max)
    {
        if (value < 1 || value > max)
        {
            failures.Add($"{CrmOptions.Section}:{name} is {value}; it must be between 1 and {max}.");
        }
    }
}
