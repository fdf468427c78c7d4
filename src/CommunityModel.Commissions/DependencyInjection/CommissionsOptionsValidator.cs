using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Team;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Checks <see cref="CommissionsOptions"/> at start-up: the plan's rules (one to three levels, rates
/// between 0% and 100%, ...), the combined plan's (ordered ranks, cap, peer generations), the ledger's
/// settings, and that all use one currency.
/// </summary>
public sealed class CommissionsOptionsValidator : IValidateOptions<CommissionsOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CommissionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = CommissionPlan.Validate(options.Plan).Select(p => $"Commissions:Plan: {p}").ToList();
        var ledger = options.Ledger;
        if (ledger.FreezePeriod < TimeSpan.Zero)
        {
            failures.Add($"Commissions:Ledger:FreezePeriod is {ledger.FreezePeriod}; it must be zero or positive.");
        }

        if (ledger.MinimumWithdrawal.IsNegative || ledger.MinimumWithdrawal.Currency != ledger.Currency)
        {
            failures.Add($"Commissions:Ledger:MinimumWithdrawal is {ledger.MinimumWithdrawal}; it must be zero or more, in {ledger.Currency.Code}.");
        }

        if (!ledger.WithdrawalFee.IsBetweenZeroAndOne)
        {
            failures.Add($"Commissions:Ledger:WithdrawalFee is {ledger.WithdrawalFee}; it must be between 0% and 100%.");
        }

        if (ledger.Currency != options.Plan.Currency)
        {
            failures.Add($"Commissions:Ledger:Currency is {ledger.Currency.Code} but the plan pays in {options.Plan.Currency.Code}.");
        }

        foreach (var profile in options.ComplianceProfiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Name) || profile.MaxLevels < 0 || profile.PayoutCap is { IsBetweenZeroAndOne: false })
            {
                failures.Add($"Commissions:ComplianceProfiles: profile '{profile.Name}' needs a name, a level limit of zero or more and a cap between 0% and 100%.");
            }
        }

        if (options.Compensation is { } compensation)
        {
            failures.AddRange(CompensationPlan.Validate(compensation).Select(p => $"Commissions:Compensation: {p.Message} ({p.Code})"));
            if (compensation.Currency != ledger.Currency)
            {
                failures.Add($"Commissions:Compensation:Currency is {compensation.Currency.Code} but the ledger is in {ledger.Currency.Code}.");
            }
        }

        if (options.Run.ChunkSize < 1)
        {
            failures.Add($"Commissions:Run:ChunkSize is {options.Run.ChunkSize}; a chunk holds at least one order.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
