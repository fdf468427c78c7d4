using System.Collections.Immutable;

namespace CommunityModel.Lifecycle;

/// <summary>One compiled transition: from a stage, on a trigger, to a fixed or selected stage, behind guards.</summary>
internal sealed class TableEntry<TStage, TTrigger, TContext>
    where TStage : struct, Enum
    where TTrigger : struct, Enum
{
    public TableEntry(TStage source, TTrigger trigger, TStage destination, DestinationSelector<TStage, TContext>? selector, ImmutableArray<GuardDefinition<TContext>> guards, ImmutableArray<TStage> passed)
    {
        Source = source;
        Trigger = trigger;
        Destination = destination;
        Selector = selector;
        Guards = guards;
        Passed = passed;
        Conditions = [.. guards.Select(g => g.Guard)];
    }

    public TStage Source { get; }

    public TTrigger Trigger { get; }

    /// <summary>The destination of a fixed transition; for a dynamic one, the source (unused).</summary>
    public TStage Destination { get; }

    public DestinationSelector<TStage, TContext>? Selector { get; }

    public ImmutableArray<GuardDefinition<TContext>> Guards { get; }

    public ImmutableArray<LifecycleGuard> Conditions { get; }

    /// <summary>The main-chain stages a skipping transition passes on its way (shared, never copied).</summary>
    public ImmutableArray<TStage> Passed { get; }

    public bool IsReentry => Selector is null && EqualityComparer<TStage>.Default.Equals(Source, Destination);

    public TStage Resolve(in TContext context) => Selector is null ? Destination : Selector.Select(context);

    /// <summary>Runs every guard; allocates only when one fails, to name all that failed.</summary>
    public bool AllMet(in TContext context, bool argumentsSupplied, out ImmutableArray<LifecycleGuard> unmet)
    {
        var guards = Guards;
        for (var i = 0; i < guards.Length; i++)
        {
            var guard = guards[i];
            if ((argumentsSupplied || !guard.ChecksArgumentsOnly) && !guard.Check(context))
            {
                unmet = Unmet(context, argumentsSupplied);
                return false;
            }
        }

        unmet = [];
        return true;
    }

    private ImmutableArray<LifecycleGuard> Unmet(in TContext context, bool argumentsSupplied)
    {
        var builder = ImmutableArray.CreateBuilder<LifecycleGuard>();
        foreach (var guard in Guards)
        {
            if ((argumentsSupplied || !guard.ChecksArgumentsOnly) && !guard.Check(context))
            {
                builder.Add(guard.Guard);
            }
        }

        return builder.ToImmutable();
    }
}
