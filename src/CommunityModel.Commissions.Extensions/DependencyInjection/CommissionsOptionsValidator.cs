using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ledger;
using Microsoft.Extensions.Options;

namespace CommunityModel.Commissions.DependencyInjection;

/// <summary>
/// Checks <see cref="CommissionsOptions"/> at start-up: the plan's rules (at most three levels, rates between 0%
/// and 100%, ordered ranks, cap, peer generations, roles; each problem with its code), the ledger's settings, and
/// that both use one currency. Each failure names
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
        var failures = CommissionPlan.Validate(options.Plan).Select(p => $"{_prefix}Plan: {p.Message} ({p.Code})").ToList();
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

        if (ledger.Currency != options.Plan.Currency)
        {
            failures.Add($"{_prefix}Ledger:Currency is {ledger.Currency.Code} but the plan pays in {options.Plan.Currency.Code}.");
        }

        foreach (var profile in options.ComplianceProfiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Name) || profile.MaxLevels < 0 || profile.PayoutCap is { IsBetweenZeroAndOne: false }
                || profile.ThresholdParticipants.HasValue != profile.ThresholdLevels.HasValue || profile.ThresholdParticipants < 1 || profile.ThresholdLevels < 1)
            {
                failures.Add($"{_prefix}ComplianceProfiles: profile '{profile.Name}' needs a name, a level limit of zero or more, a cap between 0% and 100%, and a threshold of both participants and levels, each one or more, or neither.");
            }
        }

        failures.AddRange(CommunityRoleMap.Problems(options.CommunityRoles, options.Plan.Roles.Select(r => r.Role)).Select(p => $"{_prefix}{p} ({CommissionErrorCodes.InvalidRoleMap})"));

        if (options.Run.ChunkSize < 1)
        {
            failures.Add($"{_prefix}Run:ChunkSize is {options.Run.ChunkSize}; a chunk holds at least one order.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
