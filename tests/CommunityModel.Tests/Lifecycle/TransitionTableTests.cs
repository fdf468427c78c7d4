using CommunityModel.Lifecycle;
using Stateless;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>The compiler refuses a Stateless definition the table cannot hold faithfully, saying why.</summary>
public class TransitionTableTests
{
    public enum Light
    {
        Off = 0,
        On = 1,
        Broken = 2,
    }

    public enum Switch
    {
        Flip = 0,
        Smash = 1,
    }

    public enum Gap
    {
        First = 0,
        Third = 2,
    }

    public enum Small : byte
    {
        A = 0,
    }

    private static readonly GuardDefinition<int> Positive = new(new("test.positive", new("is positive", "为正")), x => x > 0);

    [Fact]
    public void A_definition_compiles_into_lookups_with_guards_and_selected_destinations()
    {
        var machine = new StateMachine<Light, Switch>(Light.Off);
        var flip = machine.SetTriggerParameters<int>(Switch.Flip);
        var smash = machine.SetTriggerParameters<int>(Switch.Smash);
        var back = new DestinationSelector<Light, int>(new("back on", "恢复"), _ => Light.On, [Light.On]);
        machine.Configure(Light.Off).PermitIf(flip, Light.On, Positive.ForStateless());
        machine.Configure(Light.On).Permit(Switch.Flip, Light.Off).Permit(Switch.Smash, Light.Broken);
        machine.Configure(Light.Broken).PermitDynamic(smash, back.Select, back.Key);

        var table = TransitionTable<Light, Switch, int>.Compile(machine, [Positive], [back], (_, _) => []);

        Assert.Equal(4, table.Entries.Length);
        var guarded = table.Find(Light.Off, Switch.Flip)!;
        Assert.Equal(Light.On, guarded.Destination);
        Assert.True(guarded.AllMet(1, argumentsSupplied: true, out _));
        Assert.False(guarded.AllMet(0, argumentsSupplied: true, out var unmet));
        Assert.Equal("test.positive", Assert.Single(unmet).Code);
        Assert.Null(table.Find(Light.Off, Switch.Smash));
        Assert.Null(table.Find((Light)7, Switch.Flip));
        Assert.Equal(Light.On, table.Find(Light.Broken, Switch.Smash)!.Resolve(0));
        Assert.True(table.Find(Light.On, Switch.Flip) is { IsReentry: false, Selector: null });
    }

    [Fact]
    public void Two_transitions_on_one_stage_and_trigger_are_refused()
    {
        var machine = new StateMachine<Light, Switch>(Light.Off);
        var flip = machine.SetTriggerParameters<int>(Switch.Flip);
        var negative = new GuardDefinition<int>(new("test.negative", new("is negative", "为负")), x => x < 0);
        machine.Configure(Light.Off).PermitIf(flip, Light.On, Positive.ForStateless()).PermitIf(flip, Light.Broken, negative.ForStateless());

        var error = Assert.Throws<InvalidOperationException>(() => TransitionTable<Light, Switch, int>.Compile(machine, [Positive, negative], [], (_, _) => []));

        Assert.Contains("Stage Off has two transitions on Flip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_and_selectors_must_be_registered_and_triggers_may_not_be_ignored()
    {
        var unregistered = new StateMachine<Light, Switch>(Light.Off);
        unregistered.Configure(Light.Off).PermitIf(unregistered.SetTriggerParameters<int>(Switch.Flip), Light.On, Positive.ForStateless());
        var dynamic = new StateMachine<Light, Switch>(Light.Off);
        dynamic.Configure(Light.Off).PermitDynamic(Switch.Flip, () => Light.On, "somewhere");
        var ignoring = new StateMachine<Light, Switch>(Light.Off);
        ignoring.Configure(Light.Off).Ignore(Switch.Flip);

        Assert.Contains("guard 'is positive' is not registered", Assert.Throws<InvalidOperationException>(() => TransitionTable<Light, Switch, int>.Compile(unregistered, [], [], (_, _) => [])).Message, StringComparison.Ordinal);
        Assert.Contains("dynamic destination 'somewhere' is not registered", Assert.Throws<InvalidOperationException>(() => TransitionTable<Light, Switch, int>.Compile(dynamic, [], [], (_, _) => [])).Message, StringComparison.Ordinal);
        Assert.Contains("Stage Off ignores triggers", Assert.Throws<InvalidOperationException>(() => TransitionTable<Light, Switch, int>.Compile(ignoring, [], [], (_, _) => [])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stages_and_triggers_must_be_dense_int_enums()
    {
        Assert.Contains("without gaps", Assert.Throws<InvalidOperationException>(() => TransitionTable<Gap, Switch, int>.Compile(new StateMachine<Gap, Switch>(Gap.First), [], [], (_, _) => [])).Message, StringComparison.Ordinal);
        Assert.Contains("int-backed", Assert.Throws<InvalidOperationException>(() => TransitionTable<Small, Switch, int>.Compile(new StateMachine<Small, Switch>(Small.A), [], [], (_, _) => [])).Message, StringComparison.Ordinal);
    }
}
