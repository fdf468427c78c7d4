using CommunityModel.Lifecycle;
using FsCheck;
using FsCheck.Fluent;

namespace CommunityModel.Tests.Generators;

/// <summary>One thing that happens to a member: a trigger, with or without a reason, some facts, time passing first.</summary>
internal sealed record LifecycleStep(LifecycleTrigger Trigger, string? Reason, LifecycleFacts Facts, int DaysLater)
{
    public override string ToString() => $"+{DaysLater}d {Trigger}{(Reason is null ? string.Empty : $" ('{Reason}')")} {Facts}";
}

/// <summary>FsCheck generators for value-chain histories.</summary>
internal static class LifecycleGenerators
{
    public static DateTimeOffset Epoch { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Gen<LifecycleTrigger> Triggers { get; } = Gen.Elements(Enum.GetValues<LifecycleTrigger>());

    public static Gen<string?> Reasons { get; } = Gen.Elements<string?>(null, string.Empty, " ", "broke group rules", "refund within 7 days", "did not renew");

    public static Gen<LifecycleFacts> Facts { get; } =
        from referrals in Gen.Choose(0, 6)
        from ka in Gen.Elements(true, false)
        from package in Gen.Elements(true, false)
        from lastActiveDay in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 400).Select(d => (int?)d))
        select new LifecycleFacts(referrals, ka, package, lastActiveDay is { } d ? Epoch.AddDays(d) : null);

    public static Gen<LifecycleStep> Steps { get; } =
        from trigger in Triggers
        from reason in Reasons
        from facts in Facts
        from days in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 40)), (1, Gen.Choose(41, 200)))
        select new LifecycleStep(trigger, reason, facts, days);

    public static Gen<LifecycleStage> StartStages { get; } =
        Gen.Elements(LifecycleStage.Prospect, LifecycleStage.Fan, LifecycleStage.Customer, LifecycleStage.Member, LifecycleStage.Partner);

    public static Arbitrary<(LifecycleStage Start, LifecycleStep[] Steps)> Histories { get; } =
        (from start in StartStages
         from count in Gen.Choose(0, 40)
         from steps in Steps.ArrayOf(count)
         select (start, steps)).ToArbitrary();
}
