using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Stateless;
using Stateless.Reflection;

namespace CommunityModel.Lifecycle;

/// <summary>
/// A lifecycle compiled from its Stateless definition into an immutable table indexed by stage and trigger.
/// Stateless stays the single definition (and what the graphs and the model-based tests read); the table is
/// what the online path and replay run: thread-safe, allocation-free lookups, no per-member machine.
/// </summary>
/// <remarks>
/// Compilation reads <see cref="StateMachine{TState, TTrigger}.GetInfo"/> for stages, triggers, destinations
/// and guard descriptions, and resolves each guard and dynamic destination by its description through the
/// registries the definition was built from, so a guard exists once and Stateless and the table share it.
/// </remarks>
internal sealed class TransitionTable<TStage, TTrigger, TContext>
    where TStage : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly TableEntry<TStage, TTrigger, TContext>?[] _cells;
    private readonly int _triggerCount;

    private TransitionTable(TableEntry<TStage, TTrigger, TContext>?[] cells, int triggerCount, ImmutableArray<TStage> stages, ImmutableArray<TableEntry<TStage, TTrigger, TContext>> entries)
    {
        _cells = cells;
        _triggerCount = triggerCount;
        Stages = stages;
        Entries = entries;
    }

    /// <summary>Every stage of the definition, in declaration order of the enum.</summary>
    public ImmutableArray<TStage> Stages { get; }

    /// <summary>Every transition, ordered by source stage then trigger.</summary>
    public ImmutableArray<TableEntry<TStage, TTrigger, TContext>> Entries { get; }

    public static int Index(TStage value) => Unsafe.As<TStage, int>(ref value);

    public static int Index(TTrigger value) => Unsafe.As<TTrigger, int>(ref value);

    /// <summary>The transition on <paramref name="trigger"/> from <paramref name="stage"/>, or null when none is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TableEntry<TStage, TTrigger, TContext>? Find(TStage stage, TTrigger trigger)
    {
        var s = (uint)Index(stage);
        var t = (uint)Index(trigger);
        if (t >= (uint)_triggerCount)
        {
            return null;
        }

        var cell = (s * (uint)_triggerCount) + t;
        return cell < (uint)_cells.Length ? _cells[cell] : null;
    }

    /// <summary>Compiles a configured Stateless definition.</summary>
    /// <param name="definition">The machine as configured once; only its <c>GetInfo()</c> is read.</param>
    /// <param name="guards">Every guard the definition uses, by description.</param>
    /// <param name="selectors">Every dynamic destination the definition uses, by description.</param>
    /// <param name="passed">The stages a transition from the first to the second stage passes on the way.</param>
    public static TransitionTable<TStage, TTrigger, TContext> Compile(
        StateMachine<TStage, TTrigger> definition,
        IEnumerable<GuardDefinition<TContext>> guards,
        IEnumerable<DestinationSelector<TStage, TContext>> selectors,
        Func<TStage, TStage, ImmutableArray<TStage>> passed)
    {
        if (Unsafe.SizeOf<TStage>() != sizeof(int) || Unsafe.SizeOf<TTrigger>() != sizeof(int))
        {
            throw new InvalidOperationException("Lifecycle stages and triggers must be int-backed enums.");
        }

        var guardsByKey = guards.ToDictionary(g => g.Key, StringComparer.Ordinal);
        var selectorsByKey = selectors.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var stages = Enum.GetValues<TStage>();
        var triggers = Enum.GetValues<TTrigger>();
        if (stages.Select(Index).Where((v, i) => v != i).Any() || triggers.Select(Index).Where((v, i) => v != i).Any())
        {
            throw new InvalidOperationException("Lifecycle stages and triggers must be numbered 0, 1, 2, ... without gaps.");
        }

        var cells = new TableEntry<TStage, TTrigger, TContext>?[stages.Length * triggers.Length];
        var info = definition.GetInfo();
        foreach (var state in info.States)
        {
            var source = (TStage)state.UnderlyingState;
            foreach (var fixedTransition in state.FixedTransitions)
            {
                var destination = (TStage)fixedTransition.DestinationState.UnderlyingState;
                Add(new TableEntry<TStage, TTrigger, TContext>(source, Trigger(fixedTransition), destination, null, Guards(fixedTransition), passed(source, destination)));
            }

            foreach (var dynamicTransition in state.DynamicTransitions)
            {
                if (!selectorsByKey.TryGetValue(dynamicTransition.DestinationStateSelectorDescription.Description, out var selector))
                {
                    throw new InvalidOperationException($"The dynamic destination '{dynamicTransition.DestinationStateSelectorDescription.Description}' is not registered.");
                }

                Add(new TableEntry<TStage, TTrigger, TContext>(source, Trigger(dynamicTransition), source, selector, Guards(dynamicTransition), []));
            }

            if (state.IgnoredTriggers.Any())
            {
                throw new InvalidOperationException($"Stage {source} ignores triggers; every trigger a lifecycle accepts must transition and yield an event.");
            }
        }

        var entries = cells.Where(c => c is not null).Select(c => c!).ToImmutableArray();
        return new TransitionTable<TStage, TTrigger, TContext>(cells, triggers.Length, [.. stages], entries);

        void Add(TableEntry<TStage, TTrigger, TContext> entry)
        {
            var cell = (Index(entry.Source) * triggers.Length) + Index(entry.Trigger);
            if (cells[cell] is not null)
            {
                throw new InvalidOperationException($"Stage {entry.Source} has two transitions on {entry.Trigger}; a lifecycle allows one per stage and trigger.");
            }

            cells[cell] = entry;
        }

        ImmutableArray<GuardDefinition<TContext>> Guards(TransitionInfo transition) =>
            [.. transition.GuardConditionsMethodDescriptions.Select(d =>
                guardsByKey.TryGetValue(d.Description, out var guard)
                    ? guard
                    : throw new InvalidOperationException($"The guard '{d.Description}' is not registered."))];
    }

    private static TTrigger Trigger(TransitionInfo transition) => (TTrigger)transition.Trigger.UnderlyingTrigger;
}
