using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Team;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Checks <see cref="CommissionsOptions"/> at start-up: the plan's rules (one to three levels, rates
/// between 0% and 100%, ...), the combined plan's (ordered ranks, cap, peer generations, each problem with
/// its code), the ledger's settings, and that all use one currency. Each failure names
/// its setting by configuration path: under the section the options were bound from (e.g.
/// <c>Community:Commissions:Ledger:FreezePeriod</c>), or relative to the options (<c>Ledger:FreezePeriod</c>)
/// when they were set in code.
/// </summary>
public sealed class CommissionsOptionsValidator : IValidateOptions<CommissionsOptions>
{
    private readonly string _prefix;

    /// <summary>Creates a validator that names settings relative to the options, e.g. <c>Ledger:FreezePeriod</c>.</summary>
    public CommissionsOptionsValidator()
        : this(null)
    {
    }

    /// <summary>Creates a validator that names settings under the configuration section the options are bound from.</summary>
    /// <param name="sectionPath">The section's path, e.g. <c>Community:Commissions</c>; <see langword="null"/> or empty for paths relative to the options.</param>
    public CommissionsOptionsValidator(string? sectionPath) =>
        _prefix = string.IsNullOrEmpty(sectionPath) ? string.Empty : sectionPath + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, CommissionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A configuration that holds only a combined plan takes its levels from it (see AddCommissions): no Plan to check.
        var failures = UsesCompensationLevels(options) ? [] : CommissionPlan.Validate(options.Plan).Select(p => $"{_prefix}Plan: {p}").ToList();
        var ledger = options.Ledger;
        if (ledger.FreezePeriod < TimeSpan.Zero)
        {
            failures.Add($"{_prefix}Ledger:FreezePeriod is {ledger.FreezePeriod}; it must be zero or positive.");
        }

        if (ledger.MinimumWithdrawal.IsNegative || ledger.MinimumWithdrawal.Currency != ledger.Currency)
        {
            failures.Add($"{_prefix}Ledger:MinimumWithdrawal is {ledger.MinimumWithdrawal}; it must be zero or more, in {ledger.Currency.Code}.");
        }

        if (!ledger.WithdrawalFee.IsBetweenZeroAndOne)
        {
            failures.Add($"{_prefix}Ledger:WithdrawalFee is {ledger.WithdrawalFee}; it must be between 0% and 100%.");
        }

        if (!UsesCompensationLevels(options) && ledger.Currency != options.Plan.Currency)
        {
            failures.Add($"{_prefix}Ledger:Currency is {ledger.Currency.Code} but the plan pays in {options.Plan.Currency.Code}.");
        }

        foreach (var profile in options.ComplianceProfiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Name) || profile.MaxLevels < 0 || profile.PayoutCap is { IsBetweenZeroAndOne: false })
            {
                failures.Add($"{_prefix}ComplianceProfiles: profile '{profile.Name}' needs a name, a level limit of zero or more and a cap between 0% and 100%.");
            }
        }

        if (options.Compensation is { } compensation)
        {
            failures.AddRange(CompensationPlan.Validate(compensation).Select(p => $"{_prefix}Compensation: {p.Message} ({p.Code})"));
            if (compensation.Currency != ledger.Currency)
            {
                failures.Add($"{_prefix}Compensation:Currency is {compensation.Currency.Code} but the ledger is in {ledger.Currency.Code}.");
            }
        }

        if (options.Run.ChunkSize < 1)
        {
            failures.Add($"{_prefix}Run:ChunkSize is {options.Run.ChunkSize}; a chunk holds at least one order.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether the options hold a combined plan and no levels-only plan, so the levels-only plan is the combined plan's levels.</summary>
    internal static bool UsesCompensationLevels(CommissionsOptions options) => options.Compensation is not null && options.Plan.Levels.Count == 0;
}
