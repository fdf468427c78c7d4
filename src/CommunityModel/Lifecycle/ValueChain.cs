using System.Collections.Immutable;
using CommunityModel.Validation;
using Microsoft.Extensions.Options;

using CommunityModel.Telemetry;

namespace CommunityModel.Lifecycle;

/// <summary>
/// The member value chain (客户价值开发主线) Prospect → Fan → Customer → Member → Partner, with expiry and
/// renewal, refunds, dormancy, suspension, removal and the end of a partnership. Defined once with Stateless,
/// compiled once per set of options into an immutable transition table; thread-safe; one instance serves
/// every member. Per-member state is an immutable <see cref="LifecycleState"/> the integrator owns: each
/// <see cref="Fire"/> returns the next state and the <see cref="MemberTransitioned"/> event to store.
/// </summary>
/// <example>
/// <code>
/// var chain = new ValueChain(new ValueChainOptions(), TimeProvider.System);
/// var joined = chain.Start(1024);
/// var member = chain.Fire(joined.State, LifecycleTrigger.BoughtMembership);
/// // member.Event.Passed: Fan, Customer (a prospect who buys a membership outright)
/// </code>
/// </example>
public sealed class ValueChain
{
    private static readonly ImmutableArray<LifecycleStage> MainChain = [LifecycleStage.Prospect, LifecycleStage.Fan, LifecycleStage.Customer, LifecycleStage.Member, LifecycleStage.Partner];

    private readonly TimeProvider _time;
    private readonly ValueChainRules _rules;
    private readonly TransitionTable<LifecycleStage, LifecycleTrigger, ValueChainContext> _table;

    /// <summary>Creates the value chain from validated options (the constructor DI uses).</summary>
    /// <param name="options">The guard thresholds.</param>
    /// <param name="timeProvider">The clock every event's time comes from.</param>
    public ValueChain(IOptions<ValueChainOptions> options, TimeProvider timeProvider)
        : this(options?.Value!, timeProvider)
    {
    }

    /// <summary>Creates the value chain from options built in code.</summary>
    /// <param name="options">The guard thresholds.</param>
    /// <param name="timeProvider">The clock every event's time comes from.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names every bad value.</exception>
    public ValueChain(ValueChainOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _rules = new ValueChainRules(OptionsValidation.Require(options, new ValueChainOptionsValidator()));
        var definition = ValueChainDefinition.Create(_rules, () => LifecycleStage.Prospect, _ => { });
        _table = TransitionTable<LifecycleStage, LifecycleTrigger, ValueChainContext>.Compile(definition.Machine, _rules.Guards, [_rules.SuspendedFrom], Passed);
    }

    /// <summary>The stages one can be suspended from, i.e. where reinstatement can lead.</summary>
    internal static ImmutableArray<LifecycleStage> SuspendableStages { get; } =
        [LifecycleStage.Fan, LifecycleStage.Dormant, LifecycleStage.Customer, LifecycleStage.Member, LifecycleStage.Lapsed, LifecycleStage.Partner];

    internal TransitionTable<LifecycleStage, LifecycleTrigger, ValueChainContext> Table => _table;

    internal ValueChainRules Rules => _rules;

    /// <summary>The display name of a stage, in English and Chinese.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>e.g. <c>Member</c> / <c>会员</c>.</returns>
    public static LocalizedName DisplayName(LifecycleStage stage) => LifecycleText.Name("Stage_" + stage);

    /// <summary>The display name of a trigger, in English and Chinese.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>e.g. <c>Bought a membership</c> / <c>购买会员</c>.</returns>
    public static LocalizedName DisplayName(LifecycleTrigger trigger) => LifecycleText.Name("Trigger_" + trigger);

    /// <summary>Registers a member: the first event of their history (version 1, trigger <see cref="LifecycleTrigger.Registered"/>).</summary>
    /// <param name="member">The member.</param>
    /// <param name="stage">Where they start: a main-chain stage (an import may start beyond Prospect).</param>
    /// <returns>The initial state and its event.</returns>
    /// <exception cref="InvalidLifecycleStateException">The member id is empty or the stage is not on the main chain.</exception>
    public Transition<LifecycleState, MemberTransitioned> Start(MemberId member, LifecycleStage stage = LifecycleStage.Prospect)
    {
        if (member.IsEmpty || !MainChain.Contains(stage))
        {
            throw new InvalidLifecycleStateException(member, [member.IsEmpty ? "the member id is empty" : $"a member starts on the main chain (Prospect … Partner), not in {stage}"]);
        }

        var now = _time.GetUtcNow();
        var state = new LifecycleState(LifecycleRecord.Start(member, stage, now.UtcTicks));
        return new(state, new MemberTransitioned(member, stage, stage, LifecycleTrigger.Registered, null, now, 1, []));
    }

    /// <summary>Fires a trigger, or says why not: the trigger is not permitted from the stage, or guards are unmet.</summary>
    /// <param name="state">The member's current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="reason">Why; required for demotions (expiry, refund, suspension, removal, end of partnership).</param>
    /// <param name="facts">What the guards need to know (referrals, holdings, last activity).</param>
    /// <returns>
    /// The transition, or the refusals: one <see cref="ErrorCodes.LifecycleTriggerNotPermitted"/> (field <c>trigger</c>) when the
    /// stage has no transition on the trigger; otherwise one <see cref="ErrorCodes.LifecycleGuardsUnmet"/> followed by one per
    /// unmet guard with the guard's <see cref="LifecycleGuard.Code"/> (field <c>reason</c> or <c>facts</c>); <see cref="GuardsOf"/>
    /// describes those guards in English and Chinese, and the error of <see cref="Attempt{T}.GetValueOrThrow"/> lists them.
    /// </returns>
    public Attempt<Transition<LifecycleState, MemberTransitioned>> TryFire(LifecycleState state, LifecycleTrigger trigger, string? reason = null, LifecycleFacts facts = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entry = _table.Find(state.Stage, trigger);
        if (entry is null)
        {
            return Refused(state, trigger, []);
        }

        var now = _time.GetUtcNow();
        var context = new ValueChainContext(state, facts, reason, now);
        if (!entry.AllMet(context, argumentsSupplied: true, out var unmet))
        {
            return Refused(state, trigger, unmet);
        }

        var to = entry.Resolve(context);
        var record = state.Record;
        record.Enter(to, entry.Passed, now.UtcTicks);
        var next = new LifecycleState(record);
        CommunityModelTelemetry.Transitioned(state.Stage, to, trigger);
        return Attempt<Transition<LifecycleState, MemberTransitioned>>.Success(
            new(next, new MemberTransitioned(state.Member, state.Stage, to, trigger, reason, now, record.Version, entry.Passed)));
    }

    /// <summary>Fires a trigger.</summary>
    /// <param name="state">The member's current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="reason">Why; required for demotions (expiry, refund, suspension, removal, end of partnership).</param>
    /// <param name="facts">What the guards need to know (referrals, holdings, last activity).</param>
    /// <returns>The next state and the event to store.</returns>
    /// <exception cref="LifecycleTransitionRefusedException">Not permitted from the stage, or guards unmet (all named).</exception>
    public Transition<LifecycleState, MemberTransitioned> Fire(LifecycleState state, LifecycleTrigger trigger, string? reason = null, LifecycleFacts facts = default) =>
        TryFire(state, trigger, reason, facts).GetValueOrThrow();

    /// <summary>The triggers that would fire now for this state and facts (guards that only need a reason count as met).</summary>
    /// <param name="state">The member's state.</param>
    /// <param name="facts">What the guards need to know.</param>
    /// <returns>The triggers, in enum order.</returns>
    public ImmutableArray<LifecycleTrigger> PermittedTriggers(LifecycleState state, LifecycleFacts facts = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var context = new ValueChainContext(state, facts, null, _time.GetUtcNow());
        return [.. Enum.GetValues<LifecycleTrigger>().Where(t => _table.Find(state.Stage, t) is { } entry && entry.AllMet(context, argumentsSupplied: false, out _))];
    }

    /// <summary>The triggers a stage has transitions on, whatever their guards.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns>The triggers, in enum order.</returns>
    public ImmutableArray<LifecycleTrigger> PermittedTriggers(LifecycleStage stage) =>
        [.. Enum.GetValues<LifecycleTrigger>().Where(t => _table.Find(stage, t) is not null)];

    /// <summary>The guards a transition requires, with the configured thresholds in their descriptions.</summary>
    /// <param name="stage">The stage fired from.</param>
    /// <param name="trigger">The trigger.</param>
    /// <returns>The guards; empty when none or when the trigger is not permitted from the stage.</returns>
    public ImmutableArray<LifecycleGuard> GuardsOf(LifecycleStage stage, LifecycleTrigger trigger) => _table.Find(stage, trigger)?.Conditions ?? [];

    /// <summary>Rebuilds a member's state from their stored events, checking that each event fits.</summary>
    /// <param name="events">The member's events in order, starting with the registration.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit (member, order, version, stage, transition): code <see cref="ErrorCodes.LifecycleReplayMismatch"/>, with the event's position in <paramref name="events"/>.</exception>
    public LifecycleState Replay(ReadOnlySpan<MemberTransitioned> events)
    {
        if (events.IsEmpty)
        {
            throw Mismatch(default, 0, null, "there are no events; a history starts with the registration");
        }

        var record = default(LifecycleRecord);
        for (var i = 0; i < events.Length; i++)
        {
            Apply(ref record, events[i], i);
        }

        return new LifecycleState(record);
    }

    /// <summary>Rebuilds a member's state from their stored events, checking that each event fits.</summary>
    /// <param name="events">The member's events in order, starting with the registration.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit (member, order, version, stage, transition): code <see cref="ErrorCodes.LifecycleReplayMismatch"/>, with the event's position in <paramref name="events"/>.</exception>
    public LifecycleState Replay(IEnumerable<MemberTransitioned> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var record = default(LifecycleRecord);
        var index = 0;
        foreach (var @event in events)
        {
            Apply(ref record, @event, index++);
        }

        return index == 0 ? throw Mismatch(default, 0, null, "there are no events; a history starts with the registration") : new LifecycleState(record);
    }

    /// <summary>Continues a replay from a known state (e.g. a snapshot) with the events after it.</summary>
    /// <param name="state">The state the events follow.</param>
    /// <param name="events">The events after <paramref name="state"/>, in order.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit: code <see cref="ErrorCodes.LifecycleReplayMismatch"/>, with the event's position in <paramref name="events"/>.</exception>
    public LifecycleState Replay(LifecycleState state, ReadOnlySpan<MemberTransitioned> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = state.Record;
        for (var i = 0; i < events.Length; i++)
        {
            Apply(ref record, events[i], i);
        }

        return events.IsEmpty ? state : new LifecycleState(record);
    }

    /// <summary>The value chain as a Mermaid state diagram, labelled in Chinese and English, guards on the edges.</summary>
    /// <returns>Mermaid text (<c>stateDiagram-v2</c>).</returns>
    public string ToMermaid() => StateGraph.ToMermaid(_table, LifecycleStage.Prospect, DisplayName, DisplayName);

    /// <summary>The value chain as a Graphviz DOT graph, labelled in Chinese and English, guards on the edges.</summary>
    /// <returns>DOT text.</returns>
    public string ToDot() => StateGraph.ToDot(_table, "ValueChain", LifecycleStage.Prospect, DisplayName, DisplayName);

    /// <summary>A Stateless machine over external storage, configured from the same definition (tests and benchmarks).</summary>
    internal StatelessValueChain CreateStatelessMachine(Func<LifecycleStage> read, Action<LifecycleStage> write) => ValueChainDefinition.Create(_rules, read, write);

    /// <summary>The replay error of a lifecycle: the event's position, the event, and what did not fit, naming the member replayed.</summary>
    internal static ReplayException Mismatch(MemberId member, int index, IDomainEvent? @event, string problem) =>
        new(ErrorCodes.LifecycleReplayMismatch, index, @event, member.IsEmpty ? problem : $"{problem} (replaying member {member})");

    private Attempt<Transition<LifecycleState, MemberTransitioned>> Refused(LifecycleState state, LifecycleTrigger trigger, ImmutableArray<LifecycleGuard> unmet)
    {
        var (member, stage) = (state.Member, state.Stage);
        CommunityModelTelemetry.Refused(stage, trigger);
        var refusals = LifecycleTransitionRefusedException.RefusalsFor(member, stage, trigger, unmet, unmet.IsEmpty ? PermittedTriggers(stage).Select(t => (Enum)t) : [], "facts");
        return Attempt<Transition<LifecycleState, MemberTransitioned>>.Refused(refusals, r => new LifecycleTransitionRefusedException(member, stage, trigger, unmet, r));
    }

    private void Apply(ref LifecycleRecord record, MemberTransitioned @event, int index)
    {
        if (@event is null)
        {
            throw Mismatch(record.Member, index, null, "the event is null");
        }

        if (index == 0 && record.Version == 0)
        {
            if (@event.Trigger != LifecycleTrigger.Registered || @event.Version != 1 || @event.From != @event.To || !MainChain.Contains(@event.To) || @event.Member.IsEmpty)
            {
                throw Mismatch(@event.Member, index, @event, $"a history starts with the registration (version 1, a main-chain stage), not {@event.Trigger} version {@event.Version}");
            }

            record = LifecycleRecord.Start(@event.Member, @event.To, @event.OccurredAt.UtcTicks);
            return;
        }

        if (@event.Member != record.Member)
        {
            throw Mismatch(record.Member, index, @event, $"it belongs to member {@event.Member}");
        }

        if (@event.Version != record.Version + 1)
        {
            throw Mismatch(record.Member, index, @event, $"version {@event.Version} follows version {record.Version} (expected {record.Version + 1})");
        }

        if (@event.From != record.Stage)
        {
            throw Mismatch(record.Member, index, @event, $"it starts from {@event.From} but the member is {record.Stage}");
        }

        var entry = _table.Find(record.Stage, @event.Trigger)
            ?? throw Mismatch(record.Member, index, @event, $"{@event.Trigger} is not permitted from {record.Stage}");
        var expected = entry.Selector is null ? entry.Destination : (LifecycleStage)record.SuspendedFrom;
        if (@event.To != expected)
        {
            throw Mismatch(record.Member, index, @event, $"{@event.Trigger} from {record.Stage} leads to {expected}, not {@event.To}");
        }

        record.Enter(expected, entry.Passed, @event.OccurredAt.UtcTicks);
    }

    private static ImmutableArray<LifecycleStage> Passed(LifecycleStage from, LifecycleStage to)
    {
        var start = Position(from);
        var end = Position(to);
        return start < 0 || end <= start + 1 ? [] : MainChain[(start + 1)..end];
    }

    /// <summary>Where a stage sits on the main chain: a dormant fan is a fan, a lapsed member a member; -1 off the chain.</summary>
    private static int Position(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Dormant => MainChain.IndexOf(LifecycleStage.Fan),
        LifecycleStage.Lapsed => MainChain.IndexOf(LifecycleStage.Member),
        _ => MainChain.IndexOf(stage),
    };
}
