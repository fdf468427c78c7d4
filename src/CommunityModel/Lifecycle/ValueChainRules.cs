using System.Collections.Immutable;
using System.Globalization;

namespace CommunityModel.Lifecycle;

/// <summary>The guards and dynamic destinations of the value chain, with the thresholds of one set of options.</summary>
internal sealed class ValueChainRules
{
    /// <summary>The code of the guard of demotions that need a reason.</summary>
    public const string ReasonGivenCode = "reason.given";

    public ValueChainRules(ValueChainOptions options)
    {
        ReasonGiven = new(new(ReasonGivenCode, LifecycleText.Name("Guard_ReasonGiven")), c => !string.IsNullOrWhiteSpace(c.Reason), checksArgumentsOnly: true);
        PartnerHolding = new(
            new("partner.ka_or_partner_package", LifecycleText.Name("Guard_PartnerHolding")),
            c => c.Facts.HoldsActiveKa || c.Facts.HoldsPartnerPackage);
        var referrals = options.MinimumPartnerReferrals;
        var referralText = referrals.ToString(CultureInfo.InvariantCulture);
        PartnerReferrals = new(
            new("partner.minimum_referrals", LifecycleText.Format("Guard_PartnerReferrals", referralText, referralText)),
            c => c.Facts.SuccessfulReferrals >= referrals);
        var dormantAfter = TimeSpan.FromDays(options.DormantAfterDays);
        var dayText = options.DormantAfterDays.ToString(CultureInfo.InvariantCulture);
        InactiveLongEnough = new(
            new("fan.inactive_long_enough", LifecycleText.Format("Guard_InactiveLongEnough", dayText, dayText)),
            c => c.Now - (c.Facts.LastActiveAt ?? c.State.StageEnteredAt) >= dormantAfter);
        SuspendedFrom = new(
            LifecycleText.Name("Selector_SuspendedFrom"),
            c => c.State.SuspendedFrom ?? throw new InvalidOperationException($"Member {c.State.Member} is {c.State.Stage}, not suspended."),
            ValueChain.SuspendableStages);

        var qualification = new List<GuardDefinition<ValueChainContext>>();
        if (options.PartnerRequiresKaOrPartnerPackage)
        {
            qualification.Add(PartnerHolding);
        }

        if (referrals > 0)
        {
            qualification.Add(PartnerReferrals);
        }

        PartnerQualification = [.. qualification];
    }

    public GuardDefinition<ValueChainContext> ReasonGiven { get; }

    public GuardDefinition<ValueChainContext> PartnerHolding { get; }

    public GuardDefinition<ValueChainContext> PartnerReferrals { get; }

    public GuardDefinition<ValueChainContext> InactiveLongEnough { get; }

    /// <summary>The guards of <see cref="LifecycleTrigger.QualifiedAsPartner"/> the options switch on.</summary>
    public ImmutableArray<GuardDefinition<ValueChainContext>> PartnerQualification { get; }

    public DestinationSelector<LifecycleStage, ValueChainContext> SuspendedFrom { get; }

    public IEnumerable<GuardDefinition<ValueChainContext>> Guards => [ReasonGiven, PartnerHolding, PartnerReferrals, InactiveLongEnough];
}
