using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CommunityModel.Validation;
using CommunityModel.Lifecycle;
using Microsoft.Extensions.Options;
using Stateless;
using static CommunityModel.Onboarding.OnboardingStep;
using static CommunityModel.Onboarding.OnboardingTrigger;

namespace CommunityModel.Onboarding;

/// <summary>
/// The four layers of retention (四层沉淀) a new member goes through: sales account → dedicated service group
/// with its staff → customer-service account → self-introduction in the required nickname format → the big
/// group. Steps cannot be skipped; each is an event. Defined once with Stateless and compiled into an
/// immutable table like <see cref="ValueChain"/>; thread-safe; one instance serves every member.
/// </summary>
public sealed class OnboardingProcess
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _stallAfter;
    private readonly ImmutableArray<GuardDefinition<OnboardingContext>> _guards;
    private readonly TransitionTable<OnboardingStep, OnboardingTrigger, OnboardingContext> _table;

    /// <summary>Creates the process from validated options (the constructor DI uses).</summary>
    /// <param name="options">Nickname format, required staff, stall threshold.</param>
    /// <param name="timeProvider">The clock every event's time comes from.</param>
    public OnboardingProcess(IOptions<OnboardingOptions> options, TimeProvider timeProvider)
        : this(options?.Value!, timeProvider)
    {
    }

    /// <summary>Creates the process from options built in code.</summary>
    /// <param name="options">Nickname format, required staff, stall threshold.</param>
    /// <param name="timeProvider">The clock every event's time comes from.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names every bad value.</exception>
    public OnboardingProcess(OnboardingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        OptionsValidation.Require(options, new OnboardingOptionsValidator());
        _time = timeProvider;
        _stallAfter = TimeSpan.FromHours(options.StallAfterHours);
        var required = options.RequiredServiceGroupRoles;
        var nickname = new Regex(options.NicknamePattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        var roles = new GuardDefinition<OnboardingContext>(
            new("onboarding.service_group_roles", LifecycleText.Format("Guard_ServiceGroupRoles", RoleNames(required, LifecycleText.English, ", "), RoleNames(required, LifecycleText.InChinese, "、"))),
            c => (c.Input.ServiceGroupRoles & required) == required);
        var format = new GuardDefinition<OnboardingContext>(
            new("onboarding.nickname_format", LifecycleText.Format("Guard_NicknameFormat", options.NicknameFormat, options.NicknameFormat)),
            c => Matches(nickname, c.Input.Nickname),
            checksArgumentsOnly: true);
        _guards = [roles, format];
        _table = TransitionTable<OnboardingStep, OnboardingTrigger, OnboardingContext>.Compile(Define(() => AwaitingSalesAccount, _ => { }).Machine, _guards, [], (_, _) => []);
    }

    /// <summary>The display name of a step, in English and Chinese.</summary>
    /// <param name="step">The step.</param>
    /// <returns>e.g. <c>Awaiting the big group</c> / <c>待拉入大群</c>.</returns>
    public static LocalizedName DisplayName(OnboardingStep step) => LifecycleText.Name("Step_" + step);

    /// <summary>The display name of a trigger, in English and Chinese.</summary>
    /// <param name="trigger">The trigger.</param>
    /// <returns>e.g. <c>Pulled into the big group</c> / <c>拉入大群</c>.</returns>
    public static LocalizedName DisplayName(OnboardingTrigger trigger) => LifecycleText.Name("OnboardingTrigger_" + trigger);

    /// <summary>Begins a new member's onboarding: the first event (version 1).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The initial state and its event.</returns>
    /// <exception cref="ArgumentException">The member id is empty.</exception>
    public Transition<OnboardingState, OnboardingStepCompleted> Start(MemberId member)
    {
        if (member.IsEmpty)
        {
            throw new ArgumentException("The member id is empty.", nameof(member));
        }

        var now = _time.GetUtcNow();
        return new(new OnboardingState(member, AwaitingSalesAccount, 1, now, now), new OnboardingStepCompleted(member, AwaitingSalesAccount, AwaitingSalesAccount, Started, now, 1));
    }

    /// <summary>Records a step, or says why not: out of order, or its guard unmet (staff missing, nickname format).</summary>
    /// <param name="state">The member's onboarding.</param>
    /// <param name="trigger">The step that happened.</param>
    /// <param name="input">The staff of the service group, or the nickname of the introduction.</param>
    /// <returns>
    /// The transition, or the refusals: one <see cref="ErrorCodes.LifecycleTriggerNotPermitted"/> (field <c>trigger</c>) when the step is
    /// out of order; otherwise one <see cref="ErrorCodes.LifecycleGuardsUnmet"/> followed by one per unmet guard with its code (field <c>input</c>).
    /// </returns>
    public Attempt<Transition<OnboardingState, OnboardingStepCompleted>> TryFire(OnboardingState state, OnboardingTrigger trigger, OnboardingInput input = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entry = _table.Find(state.Step, trigger);
        if (entry is null)
        {
            return Refused(state, trigger, []);
        }

        var now = _time.GetUtcNow();
        if (!entry.AllMet(new OnboardingContext(state, input, now), argumentsSupplied: true, out var unmet))
        {
            return Refused(state, trigger, unmet);
        }

        var roles = trigger == ServiceGroupCreated ? input.ServiceGroupRoles : StaffRoles.None;
        var nickname = trigger == IntroductionPosted ? input.Nickname : null;
        var next = state with
        {
            Step = entry.Destination,
            Version = state.Version + 1,
            StepEnteredAt = now,
            ServiceGroupRoles = roles == StaffRoles.None ? state.ServiceGroupRoles : roles,
            Nickname = nickname ?? state.Nickname,
        };
        return Attempt<Transition<OnboardingState, OnboardingStepCompleted>>.Success(new(next, new(state.Member, state.Step, next.Step, trigger, now, next.Version, roles, nickname)));
    }

    /// <summary>Records a step.</summary>
    /// <param name="state">The member's onboarding.</param>
    /// <param name="trigger">The step that happened.</param>
    /// <param name="input">The staff of the service group, or the nickname of the introduction.</param>
    /// <returns>The next state and the event to store.</returns>
    /// <exception cref="LifecycleTransitionRefusedException">Out of order, or a guard unmet (named).</exception>
    public Transition<OnboardingState, OnboardingStepCompleted> Fire(OnboardingState state, OnboardingTrigger trigger, OnboardingInput input = default) =>
        TryFire(state, trigger, input).GetValueOrThrow();

    /// <summary>The one trigger that completes the step a member is waiting for, or null once completed.</summary>
    /// <param name="step">The step waited for.</param>
    /// <returns>The trigger, or null.</returns>
    public OnboardingTrigger? NextStep(OnboardingStep step) =>
        _table.Entries.Where(e => e.Source == step).Select(e => (OnboardingTrigger?)e.Trigger).FirstOrDefault();

    /// <summary>The guards a step requires, with the configured format and staff in their descriptions.</summary>
    /// <param name="trigger">The step.</param>
    /// <returns>The guards; empty for steps without one.</returns>
    public ImmutableArray<LifecycleGuard> GuardsOf(OnboardingTrigger trigger) =>
        _table.Entries.FirstOrDefault(e => e.Trigger == trigger)?.Conditions ?? [];

    /// <summary>The members who have waited at one step for at least the configured hours (or <paramref name="after"/>), longest first.</summary>
    /// <param name="states">Onboarding states to look through.</param>
    /// <param name="after">The wait that counts as stalled; default <see cref="OnboardingOptions.StallAfterHours"/>.</param>
    /// <returns>The stalled members with how long they have waited.</returns>
    public ImmutableArray<StalledOnboarding> Stalled(IEnumerable<OnboardingState> states, TimeSpan? after = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        var threshold = after ?? _stallAfter;
        var now = _time.GetUtcNow();
        return [.. states
            .Where(s => !s.IsCompleted && now - s.StepEnteredAt >= threshold)
            .Select(s => new StalledOnboarding(s, now - s.StepEnteredAt))
            .OrderByDescending(s => s.WaitingFor)
            .ThenBy(s => s.State.Member)];
    }

    /// <summary>Rebuilds a member's onboarding from their stored events, checking each fits.</summary>
    /// <param name="events">The events in order, starting with <see cref="OnboardingTrigger.Started"/>.</param>
    /// <returns>The state after the last event.</returns>
    /// <exception cref="ReplayException">An event does not fit (member, order, version, step): code <see cref="ErrorCodes.LifecycleReplayMismatch"/>, with the event's position in <paramref name="events"/>.</exception>
    public OnboardingState Replay(IEnumerable<OnboardingStepCompleted> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        OnboardingState? state = null;
        var index = 0;
        foreach (var e in events)
        {
            state = state is null ? Begin(e, index) : Next(state, e, index);
            index++;
        }

        return state ?? throw ValueChain.Mismatch(default, 0, null, "there are no events; onboarding starts with Started");
    }

    /// <summary>Onboarding as a Mermaid state diagram, labelled in Chinese and English.</summary>
    /// <returns>Mermaid text.</returns>
    public string ToMermaid() => StateGraph.ToMermaid(_table, AwaitingSalesAccount, DisplayName, DisplayName);

    /// <summary>Onboarding as a Graphviz DOT graph, labelled in Chinese and English.</summary>
    /// <returns>DOT text.</returns>
    public string ToDot() => StateGraph.ToDot(_table, "Onboarding", AwaitingSalesAccount, DisplayName, DisplayName);

    /// <summary>The definition, fired through Stateless itself (tests).</summary>
    internal (StateMachine<OnboardingStep, OnboardingTrigger> Machine, StateMachine<OnboardingStep, OnboardingTrigger>.TriggerWithParameters<OnboardingContext>[] Triggers) Define(
        Func<OnboardingStep> read, Action<OnboardingStep> write)
    {
        var machine = new StateMachine<OnboardingStep, OnboardingTrigger>(read, write);
        var on = Enum.GetValues<OnboardingTrigger>().Select(machine.SetTriggerParameters<OnboardingContext>).ToArray();
        machine.Configure(AwaitingSalesAccount).Permit(SalesAccountAdded, AwaitingServiceGroup);
        machine.Configure(AwaitingServiceGroup).PermitIf(on[(int)ServiceGroupCreated], AwaitingCustomerService, _guards[0].ForStateless());
        machine.Configure(AwaitingCustomerService).Permit(CustomerServiceAdded, AwaitingIntroduction);
        machine.Configure(AwaitingIntroduction).PermitIf(on[(int)IntroductionPosted], AwaitingBigGroup, _guards[1].ForStateless());
        machine.Configure(AwaitingBigGroup).Permit(BigGroupJoined, Completed);
        machine.Configure(Completed);
        return (machine, on);
    }

    private static bool Matches(Regex pattern, string? nickname)
    {
        if (string.IsNullOrWhiteSpace(nickname))
        {
            return false;
        }

        try
        {
            return pattern.IsMatch(nickname);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string RoleNames(StaffRoles roles, Func<string, string> text, string separator) =>
        string.Join(separator, Enum.GetValues<StaffRoles>().Where(r => r is not StaffRoles.None and not StaffRoles.All && roles.HasFlag(r)).Select(r => text("Role_" + r)));

    private Attempt<Transition<OnboardingState, OnboardingStepCompleted>> Refused(OnboardingState state, OnboardingTrigger trigger, ImmutableArray<LifecycleGuard> unmet)
    {
        var (member, step) = (state.Member, state.Step);
        var refusals = LifecycleTransitionRefusedException.RefusalsFor(member, step, trigger, unmet, NextStep(step) is { } next ? [next] : [], "input");
        return Attempt<Transition<OnboardingState, OnboardingStepCompleted>>.Refused(refusals, r => new LifecycleTransitionRefusedException(member, step, trigger, unmet, r));
    }

    private static OnboardingState Begin(OnboardingStepCompleted e, int index) =>
        e is { Trigger: Started, Version: 1, From: AwaitingSalesAccount, To: AwaitingSalesAccount } && !e.Member.IsEmpty
            ? new OnboardingState(e.Member, AwaitingSalesAccount, 1, e.OccurredAt, e.OccurredAt)
            : throw ValueChain.Mismatch(e?.Member ?? default, index, e, "onboarding starts with Started (version 1)");

    private OnboardingState Next(OnboardingState state, OnboardingStepCompleted e, int index)
    {
        string? problem = e is null ? "the event is null"
            : e.Member != state.Member ? $"it belongs to member {e.Member}"
            : e.Version != state.Version + 1 ? $"version {e.Version} follows version {state.Version} (expected {state.Version + 1})"
            : e.From != state.Step ? $"it starts from {e.From} but the member is {state.Step}"
            : _table.Find(state.Step, e.Trigger) is not { } entry ? $"{e.Trigger} is not the next step from {state.Step}"
            : entry.Destination != e.To ? $"{e.Trigger} leads to {entry.Destination}, not {e.To}"
            : null;
        return problem is not null
            ? throw ValueChain.Mismatch(state.Member, index, e, problem)
            : state with
            {
                Step = e!.To,
                Version = e.Version,
                StepEnteredAt = e.OccurredAt,
                ServiceGroupRoles = e.ServiceGroupRoles == StaffRoles.None ? state.ServiceGroupRoles : e.ServiceGroupRoles,
                Nickname = e.Nickname ?? state.Nickname,
            };
    }
}
