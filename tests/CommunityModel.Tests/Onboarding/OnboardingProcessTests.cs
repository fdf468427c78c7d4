using CommunityModel.Lifecycle;
using CommunityModel.Onboarding;
using CommunityModel.Tests.Lifecycle;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Tests.Onboarding;

/// <summary>The four layers of retention (四层沉淀), seed 001: sales account, service group, customer service, introduction, big group.</summary>
public class OnboardingProcessTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Day0);
    private readonly OnboardingProcess _process;

    public OnboardingProcessTests() => _process = new OnboardingProcess(new OnboardingOptions(), _time);

    [Fact]
    public void A_new_member_goes_through_the_four_layers_and_each_step_is_an_event()
    {
        var start = _process.Start(88);
        var events = new List<OnboardingStepCompleted> { start.Event };
        var state = start.State;
        (OnboardingTrigger Trigger, OnboardingInput Input)[] steps =
        [
            (OnboardingTrigger.SalesAccountAdded, default),
            (OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.All)),
            (OnboardingTrigger.CustomerServiceAdded, default),
            (OnboardingTrigger.IntroductionPosted, new(Nickname: "杭州-教育-王芳")),
            (OnboardingTrigger.BigGroupJoined, default),
        ];
        foreach (var (trigger, input) in steps)
        {
            _time.Advance(TimeSpan.FromHours(5));
            var transition = _process.Fire(state, trigger, input);
            events.Add(transition.Event);
            state = transition.State;
        }

        Assert.True(state.IsCompleted);
        Assert.Equal(6, state.Version);
        Assert.Equal("杭州-教育-王芳", state.Nickname);
        Assert.Equal(StaffRoles.All, state.ServiceGroupRoles);
        Assert.Equal(Day0, state.StartedAt);
        Assert.Equal(Day0.AddHours(25), state.StepEnteredAt);
        Assert.Equal(new OnboardingStepCompleted(88, OnboardingStep.AwaitingIntroduction, OnboardingStep.AwaitingBigGroup, OnboardingTrigger.IntroductionPosted, Day0.AddHours(20), 5, StaffRoles.None, "杭州-教育-王芳"), events[4]);
        Assert.Equal(state, _process.Replay(events));
        Assert.Null(_process.NextStep(OnboardingStep.Completed));
    }

    [Fact]
    public void Steps_cannot_be_skipped()
    {
        var state = _process.Start(1).State;

        var attempt = _process.TryFire(state, OnboardingTrigger.BigGroupJoined);
        var error = Assert.Throws<LifecycleTransitionRefusedException>(() => _process.Fire(state, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.All)));

        Assert.False(attempt.IsPermittedFromStage());
        Assert.Equal(ErrorCodes.LifecycleTriggerNotPermitted, error.ErrorCode);
        Assert.Equal(OnboardingStep.AwaitingSalesAccount, error.Stage);
        Assert.Contains("ServiceGroupCreated is not permitted from AwaitingSalesAccount (permitted: SalesAccountAdded)", error.Message, StringComparison.Ordinal);
        Assert.Equal(OnboardingTrigger.SalesAccountAdded, _process.NextStep(state.Step));
    }

    [Fact]
    public void The_service_group_needs_every_required_staff_role()
    {
        var state = _process.Fire(_process.Start(1).State, OnboardingTrigger.SalesAccountAdded).State;

        var attempt = _process.TryFire(state, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.Sales | StaffRoles.CustomerService));

        var guard = Assert.Single(attempt.UnmetGuards());
        Assert.Equal("onboarding.service_group_roles", guard.Code);
        Assert.Equal("the service group includes sales, customer service, supervisor, executive", guard.Description.English);
        Assert.Equal("对接群包含销售、客服、主管、高管", guard.Description.Chinese);
        var lean = new OnboardingProcess(new OnboardingOptions { RequiredServiceGroupRoles = StaffRoles.Sales | StaffRoles.CustomerService }, _time);
        Assert.True(lean.TryFire(state, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.Sales | StaffRoles.CustomerService)).Succeeded);
    }

    [Theory]
    [InlineData("杭州-教育-王芳", true)]
    [InlineData("王芳", false)]
    [InlineData("杭州 教育 王芳", false)]
    [InlineData("杭州--王芳", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_introduction_needs_the_configured_nickname_format(string? nickname, bool accepted)
    {
        var state = AtIntroduction(_process);

        var attempt = _process.TryFire(state, OnboardingTrigger.IntroductionPosted, new(Nickname: nickname));

        Assert.Equal(accepted, attempt.Succeeded);
        if (!accepted)
        {
            Assert.Equal("the nickname follows the format 城市-行业-姓名", Assert.Single(attempt.UnmetGuards()).Description.English);
            Assert.Equal(ErrorCodes.LifecycleGuardsUnmet, Assert.Throws<LifecycleTransitionRefusedException>(() => _process.Fire(state, OnboardingTrigger.IntroductionPosted, new(Nickname: nickname))).ErrorCode);
        }
    }

    [Fact]
    public void A_custom_nickname_format_is_used_and_described()
    {
        var process = new OnboardingProcess(new OnboardingOptions { NicknamePattern = "^VIP\\d{3}-.+$", NicknameFormat = "VIP编号-姓名" }, _time);
        var state = AtIntroduction(process);

        Assert.True(process.TryFire(state, OnboardingTrigger.IntroductionPosted, new(Nickname: "VIP007-李雷")).Succeeded);
        Assert.Equal("昵称符合格式VIP编号-姓名", Assert.Single(process.GuardsOf(OnboardingTrigger.IntroductionPosted)).Description.Chinese);
        Assert.Empty(process.GuardsOf(OnboardingTrigger.BigGroupJoined));
    }

    [Fact]
    public void Members_who_stall_at_a_step_are_listed_longest_first()
    {
        var a = _process.Start(1).State;
        _time.Advance(TimeSpan.FromHours(2));
        var b = _process.Fire(_process.Start(2).State, OnboardingTrigger.SalesAccountAdded).State;
        _time.Advance(TimeSpan.FromHours(48));
        var c = _process.Start(3).State;
        var done = AtIntroduction(_process) with { Step = OnboardingStep.Completed, StepEnteredAt = Day0 };

        var stalled = _process.Stalled([c, b, a, done]);
        var strict = _process.Stalled([c, b, a], TimeSpan.FromHours(49));

        Assert.Equal<MemberId>([1, 2], stalled.Select(s => s.State.Member));
        Assert.Equal(TimeSpan.FromHours(50), stalled[0].WaitingFor);
        Assert.Equal(OnboardingStep.AwaitingServiceGroup, stalled[1].State.Step);
        Assert.Equal((MemberId)1, Assert.Single(strict).State.Member);
    }

    [Fact]
    public void Replay_rejects_events_that_do_not_fit()
    {
        var start = _process.Start(5);
        var sales = _process.Fire(start.State, OnboardingTrigger.SalesAccountAdded);

        Assert.Contains("starts with Started", Assert.Throws<ReplayException>(() => _process.Replay([sales.Event])).Message, StringComparison.Ordinal);
        Assert.Contains("no events", Assert.Throws<ReplayException>(() => _process.Replay([])).Message, StringComparison.Ordinal);
        Assert.Contains("version 3 follows version 1", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, sales.Event with { Version = 3 }])).Message, StringComparison.Ordinal);
        Assert.Contains("belongs to member 6", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, sales.Event with { Member = 6 }])).Message, StringComparison.Ordinal);
        Assert.Contains("starts from AwaitingIntroduction", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, sales.Event with { From = OnboardingStep.AwaitingIntroduction }])).Message, StringComparison.Ordinal);
        Assert.Contains("BigGroupJoined is not the next step", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, sales.Event with { Trigger = OnboardingTrigger.BigGroupJoined }])).Message, StringComparison.Ordinal);
        Assert.Contains("leads to AwaitingServiceGroup, not Completed", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, sales.Event with { To = OnboardingStep.Completed }])).Message, StringComparison.Ordinal);
        Assert.Contains("the event is null", Assert.Throws<ReplayException>(() => _process.Replay([start.Event, null!])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _process.Start(default));
    }

    [Fact]
    public void Bad_options_fail_naming_every_problem()
    {
        var options = new OnboardingOptions { NicknamePattern = "([", NicknameFormat = " ", RequiredServiceGroupRoles = (StaffRoles)64, StallAfterHours = 0 };

        var error = Assert.Throws<OptionsValidationException>(() => new OnboardingProcess(options, _time));

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("NicknamePattern '([' is not a regular expression", error.Message, StringComparison.Ordinal);
        Assert.Contains("StallAfterHours is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("NicknamePattern is empty", new OnboardingOptionsValidator().Validate(null, new OnboardingOptions { NicknamePattern = "" }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_graphs_show_the_steps_in_both_languages()
    {
        var mermaid = _process.ToMermaid();

        Assert.Contains("    state \"待拉入大群 Awaiting the big group\" as AwaitingBigGroup\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("    AwaitingBigGroup --> Completed : 拉入大群 Pulled into the big group\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("digraph \"Onboarding\"", _process.ToDot(), StringComparison.Ordinal);
        Assert.Equal(new LocalizedName("Onboarded", "沉淀完成"), OnboardingProcess.DisplayName(OnboardingStep.Completed));
        Assert.Equal(new LocalizedName("Onboarding started", "开始沉淀"), OnboardingProcess.DisplayName(OnboardingTrigger.Started));
        Assert.All(Enum.GetValues<OnboardingTrigger>(), t => Assert.NotEqual(OnboardingProcess.DisplayName(t).English, OnboardingProcess.DisplayName(t).Chinese));
    }

    [Property(MaxTest = 1000)]
    public Property Random_steps_agree_with_the_Stateless_definition_and_never_skip() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<OnboardingTrigger>())
                .SelectMany(t => Gen.Elements<string?>(null, "杭州-教育-王芳", "王芳").SelectMany(n => Gen.Elements(StaffRoles.All, StaffRoles.Sales).Select(r => (t, new OnboardingInput(r, n)))))
                .ArrayOf()
                .ToArbitrary(),
            steps =>
            {
                var process = new OnboardingProcess(new OnboardingOptions(), _time);
                var state = process.Start(9).State;
                var statelessStep = state.Step;
                var (machine, triggers) = process.Define(() => statelessStep, s => statelessStep = s);
                foreach (var (trigger, input) in steps)
                {
                    var context = new OnboardingContext(state, input, _time.GetUtcNow());
                    var canFire = machine.CanFire(triggers[(int)trigger], context);
                    if (canFire)
                    {
                        machine.Fire(triggers[(int)trigger], context);
                    }

                    var attempt = process.TryFire(state, trigger, input);
                    if (attempt.Succeeded != canFire || (attempt.Succeeded && attempt.Value.State.Step != state.Step + 1))
                    {
                        return false;
                    }

                    state = attempt.Succeeded ? attempt.Value.State : state;
                    if (state.Step != statelessStep)
                    {
                        return false;
                    }
                }

                return true;
            });

    private static OnboardingState AtIntroduction(OnboardingProcess process)
    {
        var state = process.Fire(process.Start(1).State, OnboardingTrigger.SalesAccountAdded).State;
        state = process.Fire(state, OnboardingTrigger.ServiceGroupCreated, new(StaffRoles.All)).State;
        return process.Fire(state, OnboardingTrigger.CustomerServiceAdded).State;
    }
}
