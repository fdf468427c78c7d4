using System.Buffers;
using System.Collections.Concurrent;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Ranks;
using CommunityModel.Commissions.Staff;
using CommunityModel.Commissions.Volumes;
using CommunityModel.Referrals;
using CommunityModel.Commissions.Plans;
using CommunityModel.Commissions.Telemetry;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// The month-end engine of a <see cref="CommissionPlan"/>: over an immutable network snapshot and the period's
/// orders (and refunds), it qualifies ranks (and sums role holders' period volumes) first, then pays every order with the same kernel as
/// <see cref="CommissionCalculator"/>, so it gives exactly the calculator's lines.
/// </summary>
/// <remarks>
/// <para>
/// Deterministic: the ledger comes out in canonical order — by buyer index (the network snapshot's order), then
/// by order number (the batch position, or the ordinal order of order line ids), then in the plan's line order —
/// whatever the order of the input, the number of threads and the chunk size. Orders are paid in parallel chunks
/// of that sequence on every core (<see cref="CommissionRunOptions"/>); chunks are handed to the sink in order,
/// a wave at a time, so the ledger is streamed and never held whole.
/// </para>
/// <para>
/// Why by buyer: the snapshot lists each member's subtree right after it, so consecutive buyers share most of
/// their upline, and its entries and per-member totals stay in cache from one order to the next. Paying in input
/// order would walk a random buyer's upline each time, about one cache miss per level once the network
/// outgrows the caches. Grouping costs a stable counting sort, O(orders + members), one <see langword="int"/> per
/// order and per member, skipped when the orders already come by buyer.
/// </para>
/// <para>
/// The paying loop works on dense indices and minor units and allocates nothing per order: lines go to a stack
/// buffer, then to pooled per-chunk buffers when a sink is given. Per-member totals are 40 bytes per member.
/// The run reports progress after each wave and stops at the next chunk when cancelled.
/// </para>
/// <para>
/// Attribution at order time: given the period's sponsor changes (<see cref="Execute"/>'s <c>sponsorChanges</c>, or
/// <see cref="OrderBatch.WithPaidAt"/>), each order with a payment time is paid on the upline its buyer had at that moment
/// (a change applies from its own instant), so binding or re-assigning a member after its order moves none of that order's
/// money. Ranks, volumes and statuses stay those of the period-end network. Members whose sponsor did not change cost nothing
/// more: their packed entry flags it; a changed member's sponsor is looked up among its own changes.
/// </para>
/// </remarks>
public sealed class CommissionRun
{
    private const int StackLines = 64;
    private const int RoleKinds = 2;
    private readonly CommissionRunOptions _options;
    private readonly RateTerms? _terms;

    /// <summary>Creates a run of a plan.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="options">Threads and chunk size; the defaults use every core.</param>
    public CommissionRun(CommissionPlan plan, CommissionRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _options = options ?? new CommissionRunOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ChunkSize, 1, nameof(options));
        _terms = RateTerms.For(plan);
    }

    /// <summary>The plan paid.</summary>
    public CommissionPlan Plan { get; }

    /// <summary>The most memory the workers' own per-member totals may take (512 MB); above it they share one array with atomic adds.</summary>
    internal long WorkerTotalsBudget { get; init; } = 512L * 1024 * 1024;

    /// <summary>Qualifies ranks from a compact batch of the period's orders and refunds.</summary>
    /// <param name="network">The network snapshot the batches' indices refer to.</param>
    /// <param name="orders">The period's orders (their bases add to the buyers' personal volume, except orders whose schedule excludes them).</param>
    /// <param name="refunds">Refunds recorded in the period (their bases take volume back); none when <see langword="null"/>.</param>
    /// <param name="previousRanks">Last period's ranks, kept when the plan keeps the highest rank reached.</param>
    /// <returns>The volumes and the ranks.</returns>
    /// <exception cref="CommissionException">A buyer index is outside the network (<see cref="CommissionErrorCodes.SnapshotMismatch"/>), or a schedule was resolved by another plan (<see cref="CommissionErrorCodes.ForeignSchedule"/>).</exception>
    public (PeriodVolumes Volumes, MemberRanks Ranks) QualifyRanks(NetworkSnapshot network, OrderBatch orders, OrderBatch? refunds = null, MemberRanks? previousRanks = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(orders);
        using var telemetry = CommissionsTelemetry.StartRun("QualifyRanks", Plan, "qualifying_ranks");
        var personal = new long[network.Count];
        AddVolumes(network, orders, personal, 1);
        if (refunds is not null)
        {
            AddVolumes(network, refunds, personal, -1);
        }

        var volumes = PeriodVolumes.Create(network, Plan.Currency, personal);
        return telemetry.Complete((volumes, Plan.Qualifier.Qualify(volumes, previousRanks)), orders.Count, 0);
    }

    /// <summary>
    /// Pays a compact batch with ranks already qualified: the fast path (no strings, no qualification), e.g. to pay
    /// with ranks qualified by <see cref="QualifyRanks"/> or fixed by an administrator.
    /// A batch pays the plan's roles when it names their holders (<see cref="OrderBatch.WithRoles"/>); otherwise every role is unfilled.
    /// </summary>
    /// <param name="ranks">The ranks, over the network the batch's indices refer to, on the plan's ladder.</param>
    /// <param name="orders">The orders; an order's number in the ledger is its position.</param>
    /// <param name="earners">Every member's status over the same network; every member is active when <see langword="null"/>.</param>
    /// <param name="sink">Receives the ledger in canonical order; totals only when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress after each wave of chunks.</param>
    /// <param name="cancellationToken">Stops the run at the next chunk.</param>
    /// <returns>Totals per rule kind and per member.</returns>
    /// <exception cref="CommissionException">The ranks or roster describe another ladder or network, a buyer index is outside the network, or the batch's role holders were summed under another plan (<see cref="CommissionErrorCodes.SnapshotMismatch"/>); a schedule was resolved by another plan (<see cref="CommissionErrorCodes.ForeignSchedule"/>).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public CommissionRunResult PayBatch(MemberRanks ranks, OrderBatch orders, EarnerRoster? earners = null, ICommissionRunSink? sink = null, IProgress<CommissionRunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        using var telemetry = CommissionsTelemetry.StartRun("PayBatch", Plan);
        progress = telemetry?.Observe(progress) ?? progress;
        CommissionCalculator.CheckInputs(Plan, ranks, earners);
        CheckBuyers(ranks.Network, orders);
        CheckSchedules(orders);
        if (orders.StaffVolumes is { } staff && staff.Plan != Plan)
        {
            throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"The batch's role holders were summed under plan '{staff.Plan.Name}', another plan than '{Plan.Name}'; call WithRoles with the paying plan.");
        }

        var result = Pay(ranks, earners, orders, null, null, null, sink, progress, cancellationToken, orders.StaffVolumes, orders.RoleHolders);
        return telemetry.Complete(result, result.OrderCount, result.LineCount);
    }

    /// <summary>
    /// The whole month-end run: sums the period's volumes (orders minus refunds), qualifies ranks, then pays every
    /// order. Order numbers are the ordinal order of order line ids, whatever the order of <paramref name="orders"/>.
    /// </summary>
    /// <param name="earners">The network snapshot with every member's status (<see cref="EarnerRoster.AllActive"/> when all may earn).</param>
    /// <param name="orders">The period's order lines, in any order; ids must be unique.</param>
    /// <param name="refunds">Volume taken back by refunds recorded in the period, from the buyers' personal volumes and from the refunded order lines' role holders (<see cref="VolumeEntry.Refund(CommissionableOrder, Money)"/>); none when <see langword="null"/>.</param>
    /// <param name="previousRanks">Last period's ranks, kept when the plan keeps the highest rank reached.</param>
    /// <param name="sponsorChanges">
    /// The period's sponsor changes (<see cref="ReferralNetwork.SponsorChangesSince"/> from the period's start), ending at the network of
    /// <paramref name="earners"/>: each order with a <see cref="CommissionableOrder.PaidAt"/> is then paid on the upline its buyer had at
    /// that moment, exactly as <see cref="CommissionCalculator"/> paid it at checkout. Without it (or for an order without
    /// <see cref="CommissionableOrder.PaidAt"/>) an order is paid on the period-end network.
    /// </param>
    /// <param name="sink">Receives the ledger in canonical order; totals only when <see langword="null"/>.</param>
    /// <param name="progress">Receives progress: qualifying, then after each wave of chunks.</param>
    /// <param name="cancellationToken">Stops the run at the next chunk.</param>
    /// <returns>The ranks, totals per rule kind and per member, and the order line ids by order number.</returns>
    /// <exception cref="CommissionException">An order is unusable, names an empty role holder, or its id appears twice (<see cref="CommissionErrorCodes.InvalidRequest"/>), is in another currency, or names a role the plan does not have (<see cref="CommissionErrorCodes.UnknownRole"/>).</exception>
    /// <exception cref="ReferralException">A buyer is not in the network.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    /// <remarks>
    /// Role holders named by the orders (<see cref="CommissionableOrder.Roles"/>) are paid from a holder table
    /// (<see cref="CommissionRunResult.Holders"/>); banded roles pay on the holders' period volumes summed from these orders net of the refunds
    /// (<see cref="CommissionRunResult.StaffVolumes"/>) — the same lines as <see cref="CommissionCalculator"/> given those volumes.
    /// </remarks>
    public CommissionRunResult Execute(EarnerRoster earners, IEnumerable<CommissionableOrder> orders, IEnumerable<VolumeEntry>? refunds = null, MemberRanks? previousRanks = null, SponsorHistory? sponsorChanges = null, ICommissionRunSink? sink = null, IProgress<CommissionRunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(earners);
        ArgumentNullException.ThrowIfNull(orders);
        using var telemetry = CommissionsTelemetry.StartRun("Execute", Plan);
        progress = telemetry?.Observe(progress) ?? progress;
        var network = earners.Network;
        var list = orders as IReadOnlyList<CommissionableOrder> ?? [.. orders];
        var ids = new string[list.Count];
        var positions = new int[list.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(orders));
            ids[i] = list[i].OrderLineId;
            positions[i] = i;
        }

        // Canonical order: order line ids, ordinal. Checking every order first leaves nothing half-paid.
        Array.Sort(ids, positions, StringComparer.Ordinal);
        var buyers = new int[ids.Length];
        var bases = new long[ids.Length];
        var personal = new long[network.Count];
        var anyRoles = false;
        RewardSchedule?[]? schedules = null; // only when some order has rewards of its own
        var paidAt = sponsorChanges is null ? null : new long[ids.Length];
        for (var k = 0; k < ids.Length; k++)
        {
            var order = list[positions[k]];
            bases[k] = Plan.BaseOf(order);
            var schedule = Plan.ScheduleFor(order.ProductId, order.LadderTier, order.Kind);
            if (!ReferenceEquals(schedule, Plan.Kernel.Standard))
            {
                (schedules ??= new RewardSchedule?[ids.Length])[k] = schedule;
            }

            if (k > 0 && ids[k] == ids[k - 1])
            {
                throw new CommissionException(CommissionErrorCodes.InvalidRequest, $"Order line '{ids[k]}' appears twice in the run; each order line is paid once.");
            }

            buyers[k] = network.IndexOf(order.Buyer);
            paidAt?[k] = OrderBatch.CheckedPaidAt(order.PaidAt, sponsorChanges!, k, ids[k]);
            anyRoles |= order.Roles.Count > 0;
            if (schedule.Exclusion is null)
            {
                personal[buyers[k]] = checked(personal[buyers[k]] + bases[k]);
            }
        }

        var refundList = refunds as IReadOnlyList<VolumeEntry> ?? [.. refunds ?? []];
        foreach (var refund in refundList)
        {
            StaffVolumes.CheckRefund(Plan, refund);
            var at = network.IndexOf(refund.Member);
            personal[at] = checked(personal[at] - Math.Abs(refund.Amount.MinorUnits));
        }

        // Role holders are not network members: they get their own table, and banded roles their period volumes.
        StaffVolumes? staff = null;
        int[]? roleHolders = null;
        if (anyRoles)
        {
            roleHolders = new int[checked(ids.Length * Plan.Roles.Length)];
            // Refunds take volume back from the refunded order lines' holders too, so a refunded padding order lifts no band.
            staff = StaffVolumes.Create(Plan, list, positions, bases, schedules, roleHolders, refundList, id =>
                Array.BinarySearch(ids, id, StringComparer.Ordinal) is var k and >= 0 ? list[positions[k]] : null);
        }
        else if (!Plan.Roles.IsEmpty)
        {
            staff = StaffVolumes.Create(Plan, list, positions, [], [], [], [], _ => null); // no holders: every role unfilled, nothing to read per order
        }

        var batch = new OrderBatch(buyers, bases, schedules);
        if (sponsorChanges is not null)
        {
            batch = batch.WithCheckedPaidAt(sponsorChanges, paidAt!);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new CommissionRunProgress(CommissionRunPhase.QualifyingRanks, 0, ids.Length, 0));
        var volumes = PeriodVolumes.Create(network, Plan.Currency, personal);
        var ranks = Plan.Qualifier.Qualify(volumes, previousRanks);
        var result = Pay(ranks, earners, batch, volumes, previousRanks, ids, sink, progress, cancellationToken, staff, roleHolders, list, positions);
        return telemetry.Complete(result, result.OrderCount, result.LineCount);
    }

    private void AddVolumes(NetworkSnapshot network, OrderBatch batch, long[] personal, int sign)
    {
        CheckBuyers(network, batch);
        CheckSchedules(batch);
        var buyers = batch.Buyers.Span;
        var bases = batch.BaseMinorUnits.Span;
        var schedules = batch.Schedules.Span;
        for (var i = 0; i < buyers.Length; i++)
        {
            // An excluded order line is not commissionable: it counts no volume either.
            if (schedules.IsEmpty || schedules[i]?.Exclusion is null)
            {
                personal[buyers[i]] = checked(personal[buyers[i]] + (sign * bases[i]));
            }
        }
    }

    private void CheckSchedules(OrderBatch orders)
    {
        var schedules = orders.Schedules.Span;
        for (var i = 0; i < schedules.Length; i++)
        {
            if (schedules[i] is { } schedule && !Plan.Schedules.Owns(schedule))
            {
                throw new CommissionException(CommissionErrorCodes.ForeignSchedule, $"Order {i} of the batch has a schedule resolved by another plan than '{Plan.Name}'; resolve it with this plan's ScheduleFor.");
            }
        }
    }

    private static void CheckBuyers(NetworkSnapshot network, OrderBatch orders)
    {
        var buyers = orders.Buyers.Span;
        var count = network.Count;
        for (var i = 0; i < buyers.Length; i++)
        {
            if ((uint)buyers[i] >= (uint)count)
            {
                throw new CommissionException(CommissionErrorCodes.SnapshotMismatch, $"Order {i} of the batch names buyer index {buyers[i]}; the network has indices 0 to {count - 1}.");
            }
        }
    }

    private CommissionRunResult Pay(MemberRanks ranks, EarnerRoster? earners, OrderBatch orders, PeriodVolumes? volumes, MemberRanks? previous, string[]? ids, ICommissionRunSink? sink, IProgress<CommissionRunProgress>? progress, CancellationToken cancellationToken, StaffVolumes? staff = null, int[]? roleHolders = null, IReadOnlyList<CommissionableOrder>? given = null, int[]? positions = null)
    {
        var degree = _options.MaxDegreeOfParallelism > 0 ? _options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        if (sink is null && staff is null && orders.SponsorChanges is null && orders.Schedules.IsEmpty && _terms is not null)
        {
            // Totals only, every line a rate of the base: sums per buyer and one walk per buyer (SummedPayment).
            cancellationToken.ThrowIfCancellationRequested();
            var (summedTotals, kinds, paidBase, lineCount) = SummedPayment.Pay(Plan, _terms, new PackedUpline(ranks, earners, volumes, Plan), orders, ranks.Network.Count, degree, WorkerTotalsBudget, cancellationToken);
            progress?.Report(new CommissionRunProgress(CommissionRunPhase.PayingOrders, orders.Count, orders.Count, lineCount));
            progress?.Report(new CommissionRunProgress(CommissionRunPhase.Completed, orders.Count, orders.Count, lineCount));
            return new CommissionRunResult(Plan, ranks, volumes, previous, ids, summedTotals, kinds, paidBase, orders.Count, lineCount, 0);
        }

        var chunkSize = _options.ChunkSize;
        var chunkCount = (int)(((long)orders.Count + chunkSize - 1) / chunkSize);
        var waveSize = Math.Max(1, degree * 4);
        // Members' totals, then two per role holder (Staff, Role) after them.
        var memberTotals = ranks.Network.Count * Plan.Kernel.SlotCount;
        var totalsLength = checked(memberTotals + ((staff?.Holders.Length ?? 0) * RoleKinds));

        // Each worker adds into its own totals (plain adds keep many cache misses in flight; atomic adds would
        // serialise them), merged at the end; above the memory budget the workers share one array atomically.
        var ownTotals = degree > 1 && (long)totalsLength * sizeof(long) * degree <= WorkerTotalsBudget;
        var shared = new long[totalsLength];
        var spare = new ConcurrentBag<long[]>();
        var sequence = BuyerSequence.Create(orders.Buyers.Span, ranks.Network.Count);
        var timeline = orders.SponsorChanges is { } changes ? SponsorTimeline.Create(ranks.Network, changes) : null;
        var work = new PayContext(Plan.Kernel, new PackedUpline(ranks, earners, volumes, Plan, timeline), orders, sequence, keepLines: sink is not null) { Staff = staff, RoleHolders = roleHolders, HolderTotals = memberTotals, Timeline = timeline };
        var chunks = new ChunkResult[Math.Min(waveSize, Math.Max(chunkCount, 1))];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        var kindTotals = new long[CommissionRunResult.Kinds];
        long totalBase = 0, lines = 0, capped = 0, paidOrders = 0;
        sink?.Begin(new CommissionRunContext(Plan, ranks, orders, staff?.Holders ?? [], ids, given, positions));
        for (var waveStart = 0; waveStart < chunkCount; waveStart += waveSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var waveEnd = Math.Min(chunkCount, waveStart + waveSize);
            var start = waveStart;
            Parallel.For(
                waveStart,
                waveEnd,
                parallel,
                () => !ownTotals ? shared : spare.TryTake(out var totals) ? totals : new long[totalsLength],
                (c, _, totals) =>
                {
                    var from = c * chunkSize;
                    chunks[c - start] = work.PayChunk(from, Math.Min(orders.Count, from + chunkSize), totals, atomic: degree > 1 && !ownTotals);
                    return totals;
                },
                totals =>
                {
                    if (ownTotals)
                    {
                        spare.Add(totals);
                    }
                });

            for (var c = 0; c < waveEnd - waveStart; c++)
            {
                ref var chunk = ref chunks[c];
                if (chunk.Lines is { } buffer)
                {
                    sink!.Write(buffer.AsSpan(0, chunk.LineCount));
                    ArrayPool<CommissionRunLine>.Shared.Return(buffer);
                }

                for (var k = 0; k < kindTotals.Length; k++)
                {
                    kindTotals[k] += chunk.KindTotals[k];
                }

                totalBase += chunk.Base;
                lines += chunk.LineCount;
                capped += chunk.CappedOrders;
                paidOrders += chunk.Orders;
                chunk = default;
            }

            progress?.Report(new CommissionRunProgress(CommissionRunPhase.PayingOrders, paidOrders, orders.Count, lines));
        }

        foreach (var totals in spare)
        {
            for (var i = 0; i < totals.Length; i++)
            {
                shared[i] += totals[i];
            }
        }

        progress?.Report(new CommissionRunProgress(CommissionRunPhase.Completed, paidOrders, orders.Count, lines));
        return new CommissionRunResult(Plan, ranks, volumes, previous, ids, shared, kindTotals, totalBase, orders.Count, lines, capped) { StaffVolumes = staff };
    }

    /// <summary>What one chunk paid: its sums, and its lines when the run streams them.</summary>
    private struct ChunkResult
    {
        public CommissionRunLine[]? Lines;
        public int LineCount;
        public int Orders;
        public long Base;
        public long CappedOrders;
        public KindSums KindTotals;
    }

    [System.Runtime.CompilerServices.InlineArray(CommissionRunResult.Kinds)]
    private struct KindSums
    {
        private long _element;
    }

    /// <summary>Everything the chunks of one run share, read-only. A chunk is a range of positions in the buyer sequence.</summary>
    private sealed class PayContext(CommissionKernel kernel, PackedUpline upline, OrderBatch orders, BuyerSequence sequence, bool keepLines)
    {
        /// <summary>The holders' period volumes; <see langword="null"/> when no order names a role holder.</summary>
        public StaffVolumes? Staff { get; init; }

        /// <summary>Per order and plan role, the holder's index in <see cref="StaffVolumes.Holders"/>, or -1.</summary>
        public int[]? RoleHolders { get; init; }

        /// <summary>Where the holders' totals start in a totals array.</summary>
        public int HolderTotals { get; init; }

        /// <summary>The period's sponsor changes, to pay each order on the upline it had when paid; <see langword="null"/> to pay every order on the period-end network.</summary>
        public SponsorTimeline? Timeline { get; init; }

        public ChunkResult PayChunk(int from, int to, long[] totals, bool atomic)
        {
            var buyers = orders.Buyers.Span;
            var bases = orders.BaseMinorUnits.Span;
            var schedules = orders.Schedules.Span;
            var paidAt = orders.PaidAtTicks;
            var timeline = Timeline;
            var numbers = sequence.Orders;
            var sorted = sequence.IsIdentity;
            var buyer = sorted || from == to ? 0 : sequence.BuyerAt(from);

            // Out of batch order, each base is a cache miss: gather the chunk's bases first, in a loop of independent
            // loads the processor overlaps, rather than one stalled load between two upline walks.
            long[]? gathered = null;
            long[]? gatheredPaidAt = null; // the same for payment times, when orders are attributed by them
            if (!sorted)
            {
                gathered = ArrayPool<long>.Shared.Rent(to - from);
                gatheredPaidAt = timeline is null ? null : ArrayPool<long>.Shared.Rent(to - from);
                for (var position = from; position < to; position++)
                {
                    gathered[position - from] = bases[numbers[position]];
                }

                for (var position = from; gatheredPaidAt is not null && position < to; position++)
                {
                    gatheredPaidAt[position - from] = paidAt![numbers[position]];
                }
            }

            var result = new ChunkResult { Orders = to - from };
            var buffer = keepLines ? ArrayPool<CommissionRunLine>.Shared.Rent(Math.Max(16, (to - from) * 4)) : null;
            var max = kernel.MaxLines;
            var width = kernel.SlotCount;
            var slots = kernel.KindSlots;
            Span<PaidLine> paid = max <= StackLines ? stackalloc PaidLine[max] : new PaidLine[max];
            var roles = RoleHolders is null ? 0 : kernel.RoleCount;
            Span<RoleHolding> holdings = stackalloc RoleHolding[roles];
            var count = 0;
            for (var position = from; position < to; position++)
            {
                int order;
                long baseMinor;
                if (gathered is null)
                {
                    order = position;
                    buyer = buyers[position];
                    baseMinor = bases[position];
                }
                else
                {
                    order = numbers[position];
                    buyer = sequence.Advance(buyer, position);
                    baseMinor = gathered[position - from];
                }

                result.Base += baseMinor;
                for (var r = 0; r < roles; r++)
                {
                    var h = RoleHolders![(order * roles) + r];
                    holdings[r] = h < 0 ? new RoleHolding(-1, 0, 0) : new RoleHolding(h, Staff!.VolumeAt(r, h), Staff.PeriodPayAt(r, h));
                }

                var schedule = schedules.IsEmpty ? kernel.Standard : schedules[order] ?? kernel.Standard;
                var n = timeline is null
                    ? kernel.Pay(schedule, buyer, baseMinor, upline, paid, default, holdings)
                    : kernel.Pay(schedule, buyer, baseMinor, new PaidAtUpline(upline, timeline, gatheredPaidAt is null ? paidAt![order] : gatheredPaidAt[position - from]), paid, default, holdings);
                if (n > 0 && paid[0].Capped)
                {
                    result.CappedOrders++;
                }

                if (buffer is not null && count + n > buffer.Length)
                {
                    var larger = ArrayPool<CommissionRunLine>.Shared.Rent(Math.Max(buffer.Length * 2, count + n));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<CommissionRunLine>.Shared.Return(buffer);
                    buffer = larger;
                }

                for (var i = 0; i < n; i++)
                {
                    ref readonly var line = ref paid[i];
                    var kind = (int)line.Kind;
                    result.KindTotals[kind] += line.Amount;
                    ref var total = ref totals[line.Kind < CommissionRuleKind.Staff
                        ? (line.Beneficiary * width) + slots[kind]
                        : HolderTotals + (line.Beneficiary * RoleKinds) + (kind - (int)CommissionRuleKind.Staff)];
                    if (atomic)
                    {
                        Interlocked.Add(ref total, line.Amount);
                    }
                    else
                    {
                        total += line.Amount;
                    }

                    if (buffer is not null)
                    {
                        buffer[count++] = new CommissionRunLine(order, line.Beneficiary, line.Amount, line.Uncapped, line.Kind, line.Ordinal, line.Capped);
                    }
                }

                result.LineCount += n;
            }

            if (gathered is not null)
            {
                ArrayPool<long>.Shared.Return(gathered);
            }

            if (gatheredPaidAt is not null)
            {
                ArrayPool<long>.Shared.Return(gatheredPaidAt);
            }

            result.Lines = buffer;
            return result;
        }
    }
}
