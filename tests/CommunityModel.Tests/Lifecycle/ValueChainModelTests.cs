using CommunityModel.Lifecycle;
using CommunityModel.Tests.Generators;
using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static CommunityModel.Lifecycle.LifecycleStage;
using static CommunityModel.Lifecycle.LifecycleTrigger;

namespace CommunityModel.Tests.Lifecycle;

/// <summary>
/// Model-based test (FsCheck.Experimental): random operation sequences run against the system under test —
/// the library's compiled <see cref="ValueChain"/> and the same definition fired through Stateless itself —
/// and against a plain transition table written here from the domain, which both must equal at every step.
/// </summary>
public class ValueChainModelTests
{
    /// <summary>The value chain as a plain table: from, trigger → to (null: back to the stage suspended from).</summary>
    private static readonly Dictionary<(LifecycleStage From, LifecycleTrigger Trigger), LifecycleStage?> Table = Build();

    private static readonly HashSet<LifecycleTrigger> NeedReason = [LifecycleTrigger.Suspended, LifecycleTrigger.Removed, MembershipRefunded, PartnershipEnded];

    [Property(MaxTest = 1000)]
    public Property The_compiled_table_and_the_Stateless_machine_equal_the_plain_transition_table() => new ValueChainSpec().ToProperty();

    private static Dictionary<(LifecycleStage, LifecycleTrigger), LifecycleStage?> Build()
    {
        var table = new Dictionary<(LifecycleStage, LifecycleTrigger), LifecycleStage?>();
        void Add(LifecycleStage to, LifecycleTrigger trigger, params LifecycleStage[] from)
        {
            foreach (var f in from)
            {
                table[(f, trigger)] = to;
            }
        }

        Add(Fan, JoinedLeadGroup, Prospect);
        Add(Fan, Followed, Prospect);
        Add(Fan, TookLeadProduct, Prospect);
        Add(Customer, MadeFirstPurchase, Prospect, Fan, Dormant);
        Add(Member, BoughtMembership, Prospect, Fan, Dormant, Customer, Member, Lapsed);
        Add(Member, BoughtGiftPack, Prospect, Fan, Dormant, Customer, Member, Lapsed);
        Add(Partner, BoughtMembership, Partner);
        Add(Partner, BoughtGiftPack, Partner);
        Add(Partner, BoughtPartnerPackage, Prospect, Fan, Customer, Member, Lapsed);
        Add(Partner, QualifiedAsPartner, Member);
        Add(Lapsed, MembershipExpired, Member);
        Add(Partner, MembershipExpired, Partner);
        Add(Member, MembershipRenewed, Member, Lapsed);
        Add(Partner, MembershipRenewed, Partner);
        Add(Customer, MembershipRefunded, Member, Lapsed);
        Add(Dormant, WentDormant, Fan);
        Add(Fan, Reactivated, Dormant);
        Add(LifecycleStage.Suspended, LifecycleTrigger.Suspended, Fan, Dormant, Customer, Member, Lapsed, Partner);
        Add(LifecycleStage.Removed, LifecycleTrigger.Removed, Prospect, Fan, Dormant, Customer, Member, Lapsed, Partner, LifecycleStage.Suspended);
        Add(Member, PartnershipEnded, Partner);
        table[(LifecycleStage.Suspended, Reinstated)] = null;
        return table;
    }

    /// <summary>The model: the stage, where a suspension returns, the version, and days since the epoch.</summary>
    private sealed record Model(LifecycleStage Stage, LifecycleStage? SuspendedFrom, long Version, int StageEnteredDay, int Day)
    {
        public override string ToString() => $"{Stage} v{Version} (day {Day})";
    }

    private sealed class Actual
    {
        private LifecycleStage _statelessStage;

        public Actual()
        {
            Time = new FakeTimeProvider(LifecycleGenerators.Epoch);
            Chain = new ValueChain(new ValueChainOptions(), Time);
            State = Chain.Start(11).State;
            _statelessStage = State.Stage;
            Stateless = Chain.CreateStatelessMachine(() => _statelessStage, s => _statelessStage = s);
        }

        public FakeTimeProvider Time { get; }

        public ValueChain Chain { get; }

        public LifecycleState State { get; private set; }

        public StatelessValueChain Stateless { get; }

        public LifecycleStage StatelessStage => _statelessStage;

        public (bool Library, bool Stateless) Fire(LifecycleStep step)
        {
            Time.Advance(TimeSpan.FromDays(step.DaysLater));
            var context = new ValueChainContext(State, step.Facts, step.Reason, Time.GetUtcNow());
            var statelessFired = Stateless.CanFire(step.Trigger, context);
            if (statelessFired)
            {
                Stateless.Fire(step.Trigger, context);
            }

            var attempt = Chain.TryFire(State, step.Trigger, step.Reason, step.Facts);
            if (attempt.Succeeded)
            {
                State = attempt.Value.State;
            }

            return (attempt.Succeeded, statelessFired);
        }

        public override string ToString() => $"{State.Stage} v{State.Version}";
    }

    private sealed class ValueChainSpec : Machine<Actual, Model>
    {
        public override Arbitrary<Setup<Actual, Model>> Setup => Gen.Constant<Setup<Actual, Model>>(new Start()).ToArbitrary();

        public override Gen<Operation<Actual, Model>> Next(Model model) => LifecycleGenerators.Steps.Select(s => (Operation<Actual, Model>)new FireStep(s));
    }

    private sealed class Start : Setup<Actual, Model>
    {
        public override Actual Actual() => new();

        public override Model Model() => new(Prospect, null, 1, 0, 0);
    }

    private sealed class FireStep(LifecycleStep step) : Operation<Actual, Model>
    {
        private bool _expectedToFire;

        public override Model Run(Model model)
        {
            var day = model.Day + step.DaysLater;
            _expectedToFire = false;
            if (!Table.TryGetValue((model.Stage, step.Trigger), out var to) || !GuardsHold(model, day))
            {
                return model with { Day = day };
            }

            _expectedToFire = true;
            var destination = to ?? model.SuspendedFrom!.Value;
            var entered = destination == model.Stage ? model.StageEnteredDay : day;
            return new Model(destination, destination == LifecycleStage.Suspended ? model.Stage : null, model.Version + 1, entered, day);
        }

        public override Property Check(Actual actual, Model model)
        {
            var (library, stateless) = actual.Fire(step);
            return (library == _expectedToFire && stateless == _expectedToFire
                    && actual.State.Stage == model.Stage && actual.StatelessStage == model.Stage
                    && actual.State.Version == model.Version && actual.State.SuspendedFrom == model.SuspendedFrom
                    && actual.State.StageEnteredAt == LifecycleGenerators.Epoch.AddDays(model.StageEnteredDay))
                .Label($"{step}: library fired {library}, Stateless fired {stateless}, table expects {_expectedToFire} → {model}; library {actual.State}, Stateless {actual.StatelessStage}");
        }

        public override string ToString() => step.ToString();

        private bool GuardsHold(Model model, int day)
        {
            var demotes = NeedReason.Contains(step.Trigger) || (step.Trigger == MembershipExpired && model.Stage == Member);
            if (demotes && string.IsNullOrWhiteSpace(step.Reason))
            {
                return false;
            }

            var facts = step.Facts;
            return step.Trigger switch
            {
                QualifiedAsPartner => (facts.HoldsActiveKa || facts.HoldsPartnerPackage) && facts.SuccessfulReferrals >= 3,
                WentDormant => LifecycleGenerators.Epoch.AddDays(day) - (facts.LastActiveAt ?? LifecycleGenerators.Epoch.AddDays(model.StageEnteredDay)) >= TimeSpan.FromDays(90),
                _ => true,
            };
        }
    }
}
