using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Run;
using CommunityModel.Commissions.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Tests.Run;

public class CommissionRunProperties
{
    /// <summary>A scenario with up to 40 orders by random buyers, and a seed to shuffle them.</summary>
    private static Arbitrary<(TeamScenario Scenario, CommissionableOrder[] Orders, int Seed)> Runs =>
        TeamScenarios.Scenarios.Generator.SelectMany(s =>
            Gen.Choose(0, s.Earners.Network.Count - 1).SelectMany(buyer => Gen.Choose(0, 500_000).Select(fen => (buyer, fen))).ArrayOf().SelectMany(picks =>
                Gen.Choose(0, int.MaxValue).Select(seed => (s, picks.Take(40).Select((p, i) => new CommissionableOrder($"o-{i:D3}", s.Earners.Network.MemberAt(p.buyer), Money.FromMinorUnits(p.fen, Currency.CNY))
                {
                    // Some orders select the plan's product and tier overrides or its exclusions (see TeamScenarios.Plan).
                    ProductId = Products[(p.fen + i) % Products.Length],
                    LadderTier = p.fen % 3 == 0 ? "t" : null,
                    Kind = p.fen % 11 == 0 ? "k" : null,
                }).ToArray(), seed))))
        .ToArbitrary();

    private static readonly string?[] Products = [null, null, "p", "x", "q"];

    private static (int Order, long Beneficiary, string Rule, long Amount, long Uncapped, bool Capped)[] Ledger(CommissionRunResult result, IEnumerable<CommissionRunLine> lines) =>
        [.. lines.Select(l => (l.Order, result.Ranks.Network.MemberAt(l.Beneficiary).Value, result.Plan.RuleId(l.Kind, l.Ordinal), l.Amount, l.UncappedAmount, l.Capped))];

    [Property(MaxTest = 1000)]
    public Property The_engine_pays_exactly_the_lines_of_the_per_order_calculator_with_the_same_ranks_and_schedules() =>
        Prop.ForAll(Runs, r =>
        {
            var (s, orders, _) = r;
            var sink = new CollectingSink();
            var batch = new OrderBatch(
                orders.Select(o => s.Earners.Network.IndexOf(o.Buyer)).ToArray(),
                orders.Select(o => o.AmountPaid.MinorUnits).ToArray(),
                orders.Select(o => (RewardSchedule?)s.Plan.ScheduleFor(o.ProductId, o.LadderTier, o.Kind)).ToArray());
            var result = new CommissionRun(s.Plan, new CommissionRunOptions { ChunkSize = 3 }).PayBatch(s.Ranks, batch, s.Earners, sink);

            // Canonical order: by buyer index (the network's pre-order), then order number, then the plan's line order.
            var calculator = new CommissionCalculator(s.Plan);
            var expected = orders.Select((o, i) => (Order: o, Number: i)).OrderBy(o => s.Earners.Network.IndexOf(o.Order.Buyer)).ThenBy(o => o.Number)
                .SelectMany(o => calculator.Calculate(o.Order, s.Ranks, s.Earners).Lines
                .Select(l => (o.Number, l.Beneficiary.Value, l.Rule, l.Amount.MinorUnits, l.UncappedAmount.MinorUnits, l.Capped))).ToArray();
            return Ledger(result, sink.Lines).SequenceEqual(expected)
                && result.TotalPaid.MinorUnits + result.CompanyRetained.MinorUnits == orders.Sum(o => o.AmountPaid.MinorUnits);
        });

    [Property(MaxTest = 1000)]
    public Property The_ledger_and_totals_do_not_depend_on_the_order_of_the_input_the_thread_count_the_chunk_size_or_how_workers_add_totals() =>
        Prop.ForAll(Runs, r =>
        {
            var (s, orders, seed) = r;
            var shuffled = orders.ToArray();
            new Random(seed).Shuffle(shuffled);
            var one = new CollectingSink();
            var many = new CollectingSink();
            var sequential = new CommissionRun(s.Plan, new CommissionRunOptions { MaxDegreeOfParallelism = 1, ChunkSize = 1 + (seed % 5) }).Execute(s.Earners, orders, sink: one);
            var parallel = new CommissionRun(s.Plan, new CommissionRunOptions { MaxDegreeOfParallelism = 4, ChunkSize = 1 + (seed % 3) }).Execute(s.Earners, shuffled, sink: many);
            var atomic = new CommissionRun(s.Plan, new CommissionRunOptions { MaxDegreeOfParallelism = 3, ChunkSize = 2 }) { WorkerTotalsBudget = 0 }.Execute(s.Earners, shuffled);

            var members = Enumerable.Range(0, s.Earners.Network.Count);
            var kinds = Enum.GetValues<CommissionRuleKind>();
            return Ledger(sequential, one.Lines).SequenceEqual(Ledger(parallel, many.Lines))
                && members.All(i => kinds.All(k => sequential.EarnedAt(i, k) == parallel.EarnedAt(i, k) && sequential.EarnedAt(i, k) == atomic.EarnedAt(i, k)))
                && members.All(i => sequential.Ranks.LevelAt(i) == parallel.Ranks.LevelAt(i))
                && Enumerable.Range(0, orders.Length).All(i => sequential.OrderLineIdAt(i) == parallel.OrderLineIdAt(i))
                && sequential.TotalPaid == parallel.TotalPaid && sequential.CappedOrders == parallel.CappedOrders;
        });

    [Property(MaxTest = 1000)]
    public Property An_excluded_order_counts_no_volume_and_pays_no_line_in_the_whole_run() =>
        Prop.ForAll(Runs, r =>
        {
            var (s, orders, _) = r;
            var sink = new CollectingSink();
            var result = new CommissionRun(s.Plan, new CommissionRunOptions { ChunkSize = 4 }).Execute(s.Earners, orders, sink: sink);

            var excluded = orders.Select(o => s.Plan.ScheduleFor(o.ProductId, o.LadderTier, o.Kind).Exclusion is not null).ToArray();
            var network = s.Earners.Network;
            return Enumerable.Range(0, network.Count).All(i => result.Volumes!.PersonalAt(i).MinorUnits
                    == orders.Where((o, k) => !excluded[k] && network.IndexOf(o.Buyer) == i).Sum(o => o.AmountPaid.MinorUnits))
                && sink.Lines.All(l => !excluded[int.Parse(result.OrderLineIdAt(l.Order)!.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture)]);
        });
}
