using System.Collections.Frozen;
using System.Collections.Immutable;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Rules;
using CommunityModel.Referrals;

namespace CommunityModel.Commissions.Compliance;

/// <summary>
/// Checks commission plans, the payout ratios of finished runs, and the size of networks' and runs' organisations against compliance profiles and
/// returns findings with stable codes, severities and explanations. It reports; it gives no legal advice.
/// </summary>
public sealed class ComplianceLinter
{
    private readonly FrozenDictionary<string, ComplianceProfile> _profiles;

    /// <summary>Creates a linter that knows the built-in profiles and <paramref name="profiles"/> (which replace built-ins of the same name).</summary>
    /// <param name="profiles">The integrator's own profiles.</param>
    /// <exception cref="CommissionException">A profile has no name, a negative level limit, a cap outside 0%–100%, or a threshold with only one of participants and levels or either below one.</exception>
    public ComplianceLinter(IEnumerable<ComplianceProfile>? profiles = null)
    {
        var all = new Dictionary<string, ComplianceProfile>(StringComparer.Ordinal);
        foreach (var profile in ComplianceProfiles.All.Concat(profiles ?? []))
        {
            Check(profile);
            all[profile.Name] = profile;
        }

        _profiles = all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The profiles this linter knows, by name.</summary>
    public IReadOnlyDictionary<string, ComplianceProfile> Profiles => _profiles;

    /// <summary>Checks a plan against a profile known by name.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="profileName">The profile's name, e.g. <c>china-direct-selling</c>.</param>
    /// <returns>The findings; empty when the plan meets every rule of the profile.</returns>
    /// <exception cref="CommissionException">No profile has that name (<see cref="CommissionErrorCodes.InvalidComplianceProfile"/>).</exception>
    public ImmutableArray<ComplianceFinding> Lint(CommissionPlan plan, string profileName) => Lint(plan, Profile(profileName));

    /// <summary>
    /// Checks a plan against a profile: the real depth of every rule against the profile's
    /// <see cref="ComplianceProfile.MaxLevels"/> (<see cref="ComplianceCodes.TooManyLevels"/>, one finding per rule kind,
    /// subject <c>Levels</c>, <c>Differential</c> or <c>Peer</c>: levels pay <see cref="CommissionPlan.Levels"/>.Length
    /// generations, the differential and the peer bonus walk the upline to <see cref="CommissionPlan.MaxDepth"/>; roles and
    /// staff pay named holders and have no depth), levels 2–3 as pay on the team's sales, its joining
    /// products (入门费, and 拉人头 when they earn), the rank differential (级差) and peer bonus (平级奖) for what they are —
    /// pay on the team's sales (团队计酬, <see cref="ComplianceCodes.TeamCompensation"/>) — and the most one order can pay
    /// (every level under the worst override, the top rank's differential, the peer bonus at its highest rate for every
    /// generation, bounded by the plan's own cap) against the profile's cap (<see cref="ComplianceCodes.PlanPayoutOverCap"/>).
    /// Role and staff lines (<see cref="CommissionPlan.Roles"/>) do not count toward the cap: they pay the company's
    /// employees and organisation (division, agent, staff), not distributors on their own sales, which is what the
    /// profile's cap limits. The plan's own per-order cap still covers them.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The findings; empty when the plan meets every rule of the profile.</returns>
    public ImmutableArray<ComplianceFinding> Lint(CommissionPlan plan, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(profile);
        var findings = ImmutableArray.CreateBuilder<ComplianceFinding>();
        void Add(string code, string subject, string message, ComplianceSeverity? severity = null) =>
            findings.Add(new ComplianceFinding(code, severity ?? profile.Severity, profile.Name, subject, message));

        var levels = plan.Levels.Length;
        if (profile.MaxLevels is { } maxLevels)
        {
            foreach (var (kind, depth) in RuleDepths(plan))
            {
                if (depth > maxLevels)
                {
                    Add(ComplianceCodes.TooManyLevels, kind == CommissionRuleKind.Level ? "Levels" : kind.ToString(), kind == CommissionRuleKind.Level
                        ? $"Plan '{plan.Name}' pays {depth} levels; the profile allows {maxLevels}."
                        : $"The {DisplayName(kind)} of plan '{plan.Name}' pays uplines up to {depth} generations above the buyer (MaxDepth); the profile allows {maxLevels}.");
                }
            }
        }

        if (profile.ForbidsTeamCompensation && levels > 1)
        {
            Add(ComplianceCodes.TeamCompensation, "Levels", $"Levels 2 to {levels} pay uplines on their downline's sales (团队计酬); the profile pays only on the earner's own sales.");
        }

        foreach (var product in plan.JoiningProducts.Order(StringComparer.Ordinal))
        {
            if (profile.ForbidsEntryFee)
            {
                Add(ComplianceCodes.EntryFee, $"product {product}", $"Joining requires buying '{product}': a purchase as the price of joining (入门费).");
            }

            if (profile.ForbidsRecruitmentPay && !plan.ExcludedProducts.Contains(product))
            {
                Add(ComplianceCodes.RecruitmentPay, $"product {product}", $"'{product}' is the price of joining and earns commission, so uplines are paid for each person recruited (拉人头); exclude it from the plan.");
            }
        }

        var peer = plan.Ladder.Count == 0 || plan.PeerGenerations == 0 ? 0m
            : !plan.PeerGenerationRates.IsEmpty ? plan.PeerGenerationRates.Max(r => r.Fraction)
            : plan.Ladder.Ranks.Max(r => (r.PeerRate ?? plan.PeerRate).Fraction);
        if (plan.Ladder.Count > 0 && profile.ForbidsTeamCompensation)
        {
            var what = peer > 0 ? "rank differential 级差 and peer bonus 平级奖" : "rank differential 级差";
            Add(ComplianceCodes.TeamCompensation, "Ranks", $"The {what} pay uplines on their team's sales (团队计酬); the profile pays only on the earner's own sales.");
        }

        if (profile.PayoutCap is { } cap)
        {
            // A peer bonus of the holder's differential is at most that share of the top rate.
            var (levelRates, subject) = MaxRateCombination(plan);
            var top = plan.Ladder.Count == 0 ? 0m : plan.Ladder.TopRate.Fraction;
            var peerOfBase = plan.PeerBasis == PeerBonusBasis.OfBase ? peer : peer * top;
            var peerTotal = plan.PeerGenerationRates.IsEmpty ? peerOfBase * plan.PeerGenerations
                : plan.PeerGenerationRates.Sum(r => r.Fraction) * (plan.PeerBasis == PeerBonusBasis.OfBase ? 1m : top);
            var worst = levelRates.Fraction + top + peerTotal;
            if (plan.PayoutCap is { } planCap && planCap.Fraction < worst)
            {
                worst = planCap.Fraction;
            }

            if (worst > cap.Fraction)
            {
                var what = plan.Ladder.Count == 0 ? $"The plan's rates pay up to {Rate.FromFraction(worst)} of an order ({subject})"
                    : $"Levels ({subject}), the top rank's differential and the peer bonus pay up to {Rate.FromFraction(worst)} of an order";
                Add(ComplianceCodes.PlanPayoutOverCap, plan.Ladder.Count == 0 ? subject : "Ranks", $"{what}; the profile caps pay at {cap} of the earner's own sales.");
            }

            if (HasFixedAmounts(plan))
            {
                Add(ComplianceCodes.FixedAmountsNotCapped, "Levels", $"Fixed amounts cannot be checked against the {cap} cap without prices; check a finished run with CheckRun.", ComplianceSeverity.Info);
            }
        }

        return findings.DrainToImmutable();
    }

    /// <summary>Checks a finished run's payout ratios, per earner and overall, against a profile known by name.</summary>
    /// <param name="run">The run's payouts.</param>
    /// <param name="profileName">The profile's name.</param>
    /// <returns>The findings; empty when every ratio is within the cap (or the profile has none).</returns>
    /// <exception cref="CommissionException">No profile has that name.</exception>
    public ImmutableArray<ComplianceFinding> CheckRun(PayoutSummary run, string profileName) => CheckRun(run, Profile(profileName));

    /// <summary>Checks a finished run's payout ratios, per earner and overall, against a profile's cap.</summary>
    /// <param name="run">The run's payouts.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The findings; empty when every ratio is within the cap (or the profile has none).</returns>
    public ImmutableArray<ComplianceFinding> CheckRun(PayoutSummary run, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.PayoutCap is not { } cap)
        {
            return [];
        }

        var findings = ImmutableArray.CreateBuilder<ComplianceFinding>();
        foreach (var earner in run.Earners)
        {
            if (earner.PayoutRatio is { } ratio ? ratio > cap : earner.Paid.IsPositive)
            {
                var measured = earner.PayoutRatio is { } r ? $"{r:P2} of its own sales ({earner.Paid} on {earner.OwnSales})" : $"{earner.Paid} with no own sales";
                findings.Add(new ComplianceFinding(ComplianceCodes.EarnerPayoutOverCap, profile.Severity, profile.Name, $"member {earner.Member}", $"Member {earner.Member} was paid {measured}; the cap is {cap}."));
            }
        }

        if (run.OverallRatio is { } overall && overall > cap)
        {
            findings.Add(new ComplianceFinding(ComplianceCodes.RunPayoutOverCap, profile.Severity, profile.Name, "run", $"The run paid {overall:P2} of sales ({run.TotalPaid} on {run.TotalSales}); the cap is {cap}."));
        }

        return findings.DrainToImmutable();
    }

    /// <summary>Checks every organisation of a network against a profile's criminal threshold, known by name (see <see cref="CheckNetwork(NetworkSnapshot, ComplianceProfile)"/>).</summary>
    /// <param name="network">The network.</param>
    /// <param name="profileName">The profile's name.</param>
    /// <returns>The findings; empty when no organisation reaches the threshold (or the profile has none).</returns>
    /// <exception cref="CommissionException">No profile has that name.</exception>
    public ImmutableArray<ComplianceFinding> CheckNetwork(NetworkSnapshot network, string profileName) => CheckNetwork(network, Profile(profileName));

    /// <summary>
    /// Checks every organisation of a network (each root's tree, <see cref="OrganisationScale.OfNetwork"/>) against the
    /// profile's criminal threshold (<see cref="ComplianceCodes.OrganisationThreshold"/>): 30 participants or more in 3
    /// levels or more, counting the organiser as level 1, under the built-in profiles.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The findings; empty when no organisation reaches the threshold (or the profile has none).</returns>
    public ImmutableArray<ComplianceFinding> CheckNetwork(NetworkSnapshot network, ComplianceProfile profile) =>
        CheckOrganisations(OrganisationScale.OfNetwork(network), profile);

    /// <summary>Checks organisations against a profile's criminal threshold, known by name.</summary>
    /// <param name="organisations">The organisations, e.g. of a finished run (<see cref="OrganisationScale.OfRun"/>).</param>
    /// <param name="profileName">The profile's name.</param>
    /// <returns>The findings; empty when none reaches the threshold (or the profile has none).</returns>
    /// <exception cref="CommissionException">No profile has that name.</exception>
    public ImmutableArray<ComplianceFinding> CheckOrganisations(IEnumerable<OrganisationScale> organisations, string profileName) => CheckOrganisations(organisations, Profile(profileName));

    /// <summary>
    /// Checks organisations — of a network (<see cref="OrganisationScale.OfNetwork"/>) or of a finished run, where only
    /// members who earned or whose sales paid someone take part (<see cref="OrganisationScale.OfRun"/>) — against the
    /// profile's criminal threshold: one <see cref="ComplianceCodes.OrganisationThreshold"/> finding for each organisation
    /// with at least <see cref="ComplianceProfile.ThresholdParticipants"/> participants and
    /// <see cref="ComplianceProfile.ThresholdLevels"/> levels, naming its organiser, participants and levels.
    /// </summary>
    /// <param name="organisations">The organisations.</param>
    /// <param name="profile">The profile.</param>
    /// <returns>The findings; empty when none reaches the threshold (or the profile has none).</returns>
    public ImmutableArray<ComplianceFinding> CheckOrganisations(IEnumerable<OrganisationScale> organisations, ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile is not { ThresholdParticipants: { } participants, ThresholdLevels: { } levels })
        {
            return [];
        }

        var findings = ImmutableArray.CreateBuilder<ComplianceFinding>();
        foreach (var organisation in organisations)
        {
            ArgumentNullException.ThrowIfNull(organisation, nameof(organisations));
            if (organisation.Participants >= participants && organisation.Levels >= levels)
            {
                findings.Add(new ComplianceFinding(ComplianceCodes.OrganisationThreshold, profile.Severity, profile.Name, $"organisation of member {organisation.Organiser}",
                    $"Member {organisation.Organiser} organises {organisation.Participants} participants in {organisation.Levels} levels, counting the organiser; the threshold for prosecuting organising or leading pyramid selling (组织、领导传销活动罪, 2013 opinion) is {participants} participants in {levels} levels."));
            }
        }

        return findings.DrainToImmutable();
    }

    private ComplianceProfile Profile(string profileName) =>
        profileName is not null && _profiles.TryGetValue(profileName, out var profile)
            ? profile
            : throw new CommissionException(CommissionErrorCodes.InvalidComplianceProfile, $"No compliance profile is named '{profileName}'; known: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))}.");

    // The largest sum of level rates over the plan, each product override and each tier override (and their pairs).
    private static (Rate Rate, string Subject) MaxRateCombination(CommissionPlan plan)
    {
        var products = plan.ProductOverrides.Select(p => (Key: $"product {p.Key}", Rewards: p.Value)).Prepend((Key: "plan", Rewards: default(ImmutableArray<LevelReward?>))).ToArray();
        var tiers = plan.TierOverrides.Select(t => (Key: $"tier {t.Key}", Rewards: t.Value)).Prepend((Key: "plan", Rewards: default(ImmutableArray<LevelReward?>))).ToArray();
        var worst = (Rate: Rate.Zero, Subject: "plan");
        foreach (var product in products)
        {
            foreach (var tier in tiers)
            {
                var sum = Enumerable.Range(1, plan.Levels.Length)
                    .Select(level => plan.RewardFor(level, product.Rewards, tier.Rewards).Reward)
                    .Where(r => r.FixedAmount is null)
                    .Aggregate(Rate.Zero, (total, r) => total + r.Rate.GetValueOrDefault());
                if (sum > worst.Rate)
                {
                    var subject = (product.Key, tier.Key) switch
                    {
                        ("plan", "plan") => "plan",
                        ("plan", var t) => t,
                        (var p, "plan") => p,
                        var (p, t) => $"{p}, {t}",
                    };
                    worst = (sum, subject);
                }
            }
        }

        return worst;
    }

    // The deepest upline each rule the plan has can pay, the buyer's sponsor being 1: levels pay Levels.Length
    // generations; the differential and the peer bonus walk to MaxDepth. Roles pay named holders and have no depth.
    private static ImmutableArray<(CommissionRuleKind Kind, int Depth)> RuleDepths(CommissionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var depths = ImmutableArray.CreateBuilder<(CommissionRuleKind, int)>(3);
        if (plan.Levels.Length > 0)
        {
            depths.Add((CommissionRuleKind.Level, plan.Levels.Length));
        }

        if (plan.Ladder.Count > 0)
        {
            depths.Add((CommissionRuleKind.Differential, plan.MaxDepth));
            if (plan.PeerGenerations > 0)
            {
                depths.Add((CommissionRuleKind.Peer, plan.MaxDepth));
            }
        }

        return depths.DrainToImmutable();
    }

    private static string DisplayName(CommissionRuleKind kind) => kind switch
    {
        CommissionRuleKind.Differential => "rank differential (级差)",
        CommissionRuleKind.Peer => "peer bonus (平级奖)",
        _ => kind.ToString(),
    };

    private static bool HasFixedAmounts(CommissionPlan plan) =>
        plan.Levels.Any(l => l.FixedAmount is not null)
        || plan.ProductOverrides.Values.Concat(plan.TierOverrides.Values).Any(rewards => rewards.Any(r => r?.FixedAmount is not null));

    private static void Check(ComplianceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problem = string.IsNullOrWhiteSpace(profile.Name) ? "has no name"
            : profile.MaxLevels is < 0 ? $"allows {profile.MaxLevels} levels"
            : profile.ThresholdParticipants.HasValue != profile.ThresholdLevels.HasValue ? "sets only one of ThresholdParticipants and ThresholdLevels"
            : profile.ThresholdParticipants is < 1 || profile.ThresholdLevels is < 1 ? $"has a threshold of {profile.ThresholdParticipants} participants in {profile.ThresholdLevels} levels"
            : profile.PayoutCap is { IsBetweenZeroAndOne: false } cap ? $"caps payouts at {cap}"
            : !Enum.IsDefined(profile.Severity) ? $"has severity {profile.Severity}"
            : null;
        if (problem is not null)
        {
            throw new CommissionException(CommissionErrorCodes.InvalidComplianceProfile, $"Compliance profile '{profile.Name}' {problem}; names are required, level limits are zero or more, caps lie between 0% and 100%, a threshold sets both participants and levels, each one or more.");
        }
    }
}
