using Stateless;
using static CommunityModel.Lifecycle.LifecycleStage;
using static CommunityModel.Lifecycle.LifecycleTrigger;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The member value chain, defined once with Stateless: stages, triggers, guards with descriptions, the
/// dynamic return from a suspension. <see cref="ValueChain"/> compiles it into a transition table; the
/// model-based tests and the naive benchmark baseline fire it through Stateless itself.
/// </summary>
internal static class ValueChainDefinition
{
    /// <summary>Creates a Stateless machine over external state storage and configures the value chain on it.</summary>
    /// <param name="rules">The guards, with the thresholds of the options.</param>
    /// <param name="read">Reads the stage from the integrator's entity.</param>
    /// <param name="write">Writes the stage to the integrator's entity.</param>
    /// <returns>The machine and its parameterised triggers.</returns>
    public static StatelessValueChain Create(ValueChainRules rules, Func<LifecycleStage> read, Action<LifecycleStage> write)
    {
        var machine = new StateMachine<LifecycleStage, LifecycleTrigger>(read, write);
        var on = new StateMachine<LifecycleStage, LifecycleTrigger>.TriggerWithParameters<ValueChainContext>[Enum.GetValues<LifecycleTrigger>().Length];
        foreach (var trigger in Enum.GetValues<LifecycleTrigger>())
        {
            on[(int)trigger] = machine.SetTriggerParameters<ValueChainContext>(trigger);
        }

        var reason = rules.ReasonGiven.ForStateless();
        var partnerQualification = rules.PartnerQualification.Select(g => g.ForStateless()).ToArray();

        machine.Configure(Prospect)
            .Permit(JoinedLeadGroup, Fan)
            .Permit(Followed, Fan)
            .Permit(TookLeadProduct, Fan)
            .Permit(MadeFirstPurchase, Customer)
            .Permit(BoughtMembership, Member)
            .Permit(BoughtGiftPack, Member)
            .Permit(BoughtPartnerPackage, Partner)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Fan)
            .Permit(MadeFirstPurchase, Customer)
            .Permit(BoughtMembership, Member)
            .Permit(BoughtGiftPack, Member)
            .Permit(BoughtPartnerPackage, Partner)
            .PermitIf(on[(int)WentDormant], Dormant, rules.InactiveLongEnough.ForStateless())
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Dormant)
            .Permit(Reactivated, Fan)
            .Permit(MadeFirstPurchase, Customer)
            .Permit(BoughtMembership, Member)
            .Permit(BoughtGiftPack, Member)
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Customer)
            .Permit(BoughtMembership, Member)
            .Permit(BoughtGiftPack, Member)
            .Permit(BoughtPartnerPackage, Partner)
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Member)
            .PermitReentry(BoughtMembership)
            .PermitReentry(BoughtGiftPack)
            .PermitReentry(MembershipRenewed)
            .PermitIf(on[(int)MembershipExpired], Lapsed, reason)
            .PermitIf(on[(int)MembershipRefunded], Customer, reason)
            .Permit(BoughtPartnerPackage, Partner)
            .PermitIf(on[(int)QualifiedAsPartner], Partner, partnerQualification)
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Lapsed)
            .Permit(MembershipRenewed, Member)
            .Permit(BoughtMembership, Member)
            .Permit(BoughtGiftPack, Member)
            .PermitIf(on[(int)MembershipRefunded], Customer, reason)
            .Permit(BoughtPartnerPackage, Partner)
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(Partner)
            .PermitReentry(BoughtMembership)
            .PermitReentry(BoughtGiftPack)
            .PermitReentry(MembershipRenewed)
            .PermitReentry(MembershipExpired)
            .PermitIf(on[(int)PartnershipEnded], Member, reason)
            .PermitIf(on[(int)LifecycleTrigger.Suspended], LifecycleStage.Suspended, reason)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(LifecycleStage.Suspended)
            .PermitDynamic(on[(int)Reinstated], rules.SuspendedFrom.Select, rules.SuspendedFrom.Key)
            .PermitIf(on[(int)LifecycleTrigger.Removed], LifecycleStage.Removed, reason);

        machine.Configure(LifecycleStage.Removed);

        return new StatelessValueChain(machine, on);
    }
}
