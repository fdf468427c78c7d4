using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunityModel.Commissions.Paying;
using CommunityModel.Commissions.Plans;

namespace CommunityModel.Commissions.Run;

/// <summary>
/// The month-end run's totals for a plan of <see cref="RateTerms"/> when no line is kept: two passes instead of an upline
/// walk per order. First every order adds its rounded amount at each of the plan's rates to its buyer's sums (one
/// sequential read of the batch, one row of a few <see langword="long"/>s per buyer); then each buyer with orders walks its
/// upline once, in the snapshot's order, and pays each line it would write the difference of two of its sums, times
/// nothing: the sum over its orders. The same member totals, rule-kind totals and line count as paying order by order.
/// </summary>
/// <remarks>
/// <para>
/// Parallel without locks: in the first pass each worker owns a range of buyers and reads the whole batch (an order of
/// another worker's buyer is added to a scratch row, so the loop has no unpredictable branch); in the second, workers
/// take ranges of buyers and add into their own totals (or, above the memory budget, one shared array atomically),
/// merged at the end.
/// </para>
/// <para>
/// Memory: <c>8 × (rates + 1)</c> bytes per member for the sums, 8 bytes per member for the packed upline, and
/// <c>8 × kinds</c> bytes per member for each worker's totals beyond the result's own; nothing per order.
/// </para>
/// </remarks>
internal static class SummedPayment
{
    private const int BucketBits = 13;
    private const int BucketBuyers = 1 << BucketBits; // 8,192 buyers: a window of sums within a core's own cache
    private const int BuyerBits = 16;                 // a word: base << 16 | buyer within its bucket
    private const int OrdersPerPart = 1 << 16;
    private const int StackLines = 64;

    /// <summary>A power of ten to divide by, known when the loop is compiled so that the division is a multiplication.</summary>
    private interface IPowerOfTen
    {
        static abstract ulong Divide(ulong value);
    }

    /// <summary>Pays a batch of standard orders (no schedules, no payment times, no roles) and returns every total.</summary>
    internal static (long[] Totals, long[] KindTotals, long TotalBase, long Lines) Pay(CommissionPlan plan, RateTerms terms, PackedUpline upline, OrderBatch orders, int members, int degree, long totalsBudget, CancellationToken cancellationToken)
    {
        var kernel = plan.Kernel;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
        var buckets = (int)(((long)members + BucketBuyers - 1) >> BucketBits);
        var count = orders.Count;
        var parts = Math.Max(1, Math.Min(degree, count / OrdersPerPart));

        // Pass 1: the orders whose every line is above zero, by bucket of buyers: each part of the batch counts its own,
        // then writes each order as one word (base, buyer within its bucket) at its bucket's cursor for that part.
        var cursors = new int[parts * buckets];
        Parallel.For(0, parts, parallel, p => Count(orders, From(count, parts, p), From(count, parts, p + 1), terms, cursors.AsSpan(p * buckets, buckets)));
        var starts = new int[buckets + 1];
        for (int k = 0, at = 0; k < buckets; k++)
        {
            starts[k] = at;
            for (var p = 0; p < parts; p++)
            {
                (cursors[(p * buckets) + k], at) = (at, at + cursors[(p * buckets) + k]);
            }

            starts[k + 1] = at;
        }

        var words = ArrayPool<ulong>.Shared.Rent(starts[buckets]);
        var baseByPart = new long[parts];
        var regularByPart = new long[parts];
        var irregularByPart = new long[parts];
        Parallel.For(0, parts, parallel, p =>
            (baseByPart[p], regularByPart[p], irregularByPart[p]) = Scatter(orders, From(count, parts, p), From(count, parts, p + 1), terms, cursors.AsSpan(p * buckets, buckets), words));
        long totalBase = 0, regularBase = 0;
        for (var p = 0; p < parts; p++)
        {
            totalBase = checked(totalBase + baseByPart[p]);
            regularBase = checked(regularBase + regularByPart[p]); // bounds every sum of pass 2: none can overflow unnoticed
        }

        // Pass 2, bucket by bucket: the bucket's sums, one row per buyer in a window that stays in cache, then each of its
        // buyers' walks, once, paid from its row.
        var width = kernel.SlotCount;
        var totalsLength = checked(members * width);
        var workers = Math.Max(1, Math.Min(degree, buckets));
        var own = workers == 1 || (long)totalsLength * sizeof(long) * workers <= totalsBudget;
        var shared = new long[totalsLength];
        var workerTotals = new long[workers][];
        var kindByWorker = new long[workers * CommissionRunResult.Kinds];
        var linesByWorker = new long[workers];
        var next = -1;
        Parallel.For(0, workers, parallel, w =>
        {
            var totals = w == 0 || !own ? shared : Cleared(totalsLength);
            workerTotals[w] = totals;
            var atomic = workers > 1 && !own;
            var stride = terms.Mantissas.Length + 1;
            var window = Cleared(BucketBuyers * stride);
            Span<PaidLine> paid = kernel.MaxLines <= StackLines ? stackalloc PaidLine[kernel.MaxLines] : new PaidLine[kernel.MaxLines];
            Span<long> kinds = stackalloc long[CommissionRunResult.Kinds];
            long lines = 0;
            for (var bucket = Interlocked.Increment(ref next); bucket < buckets; bucket = Interlocked.Increment(ref next))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Sum(terms, words.AsSpan(starts[bucket], starts[bucket + 1] - starts[bucket]), window);
                var first = bucket << BucketBits;
                var end = Math.Min(members, first + BucketBuyers);
                for (var buyer = first; buyer < end; buyer++)
                {
                    var row = window.AsSpan((buyer - first) * stride, stride);
                    if (row[0] == 0)
                    {
                        continue;
                    }

                    var n = kernel.Pay(kernel.Standard, buyer, RateTerms.WalkBase, upline, paid);
                    lines = checked(lines + (row[0] * n));
                    for (var i = 0; i < n; i++)
                    {
                        ref readonly var line = ref paid[i];
                        var (plus, minus) = terms.Of(line, upline.RankAt(line.Beneficiary));
                        var amount = row[1 + plus] - (minus < 0 ? 0 : row[1 + minus]);
                        var kind = (int)line.Kind;
                        kinds[kind] += amount;
                        ref var total = ref totals[(line.Beneficiary * width) + kernel.KindSlots[kind]];
                        if (atomic)
                        {
                            Interlocked.Add(ref total, amount);
                        }
                        else
                        {
                            total += amount;
                        }
                    }

                    row.Clear(); // the window is clean again for the next bucket
                }
            }

            kinds.CopyTo(kindByWorker.AsSpan(w * CommissionRunResult.Kinds));
            linesByWorker[w] = lines;
            ArrayPool<long>.Shared.Return(window);
        });

        ArrayPool<ulong>.Shared.Return(words);

        var kindTotals = new long[CommissionRunResult.Kinds];
        long lineCount = 0;
        for (var w = 0; w < workers; w++)
        {
            lineCount += linesByWorker[w];
            for (var k = 0; k < kindTotals.Length; k++)
            {
                kindTotals[k] += kindByWorker[(w * CommissionRunResult.Kinds) + k];
            }

            if (workerTotals[w] is { } totals && !ReferenceEquals(totals, shared))
            {
                for (var i = 0; i < shared.Length; i++)
                {
                    shared[i] += totals[i];
                }

                ArrayPool<long>.Shared.Return(totals);
            }
        }

        // Orders too small for every line to be above zero (or too large to multiply in 64 bits): one by one.
        if (irregularByPart.Any(irregular => irregular > 0))
        {
            lineCount += PayIrregular(kernel, terms, upline, orders, shared, kindTotals);
        }

        return (shared, kindTotals, totalBase, lineCount);
    }

    /// <summary>
    /// A pooled array, cleared: its memory was touched by an earlier run, which on a virtual machine costs far less than
    /// first touching fresh pages (measured: 80 MB in about 450 ms fresh, 12 ms again).
    /// </summary>
    private static long[] Cleared(int length)
    {
        var array = ArrayPool<long>.Shared.Rent(length);
        Array.Clear(array, 0, length);
        return array;
    }

    private static int From(int count, int parts, int part) => (int)((long)count * part / parts);

    private static bool IsRegular(long baseMinor, RateTerms terms) => baseMinor >= terms.MinBase && baseMinor <= terms.MaxBase;

    private static void Count(OrderBatch orders, int from, int to, RateTerms terms, Span<int> counts)
    {
        var buyers = orders.Buyers.Span;
        var bases = orders.BaseMinorUnits.Span;
        for (var o = from; o < to; o++)
        {
            if (IsRegular(bases[o], terms))
            {
                counts[buyers[o] >> BucketBits]++;
            }
        }
    }

    private static (long Base, long Regular, long Irregular) Scatter(OrderBatch orders, int from, int to, RateTerms terms, Span<int> cursors, ulong[] words)
    {
        var buyers = orders.Buyers.Span;
        var bases = orders.BaseMinorUnits.Span;
        long baseSum = 0, regular = 0, irregular = 0;
        for (var o = from; o < to; o++)
        {
            var b = bases[o];
            baseSum = checked(baseSum + b);
            if (IsRegular(b, terms))
            {
                regular = checked(regular + b);
                var buyer = buyers[o];
                words[cursors[buyer >> BucketBits]++] = ((ulong)b << BuyerBits) | (uint)(buyer & (BucketBuyers - 1));
            }
            else if (b > 0)
            {
                irregular++;
            }
        }

        return (baseSum, regular, irregular);
    }

    /// <summary>Adds a bucket's orders to their buyers' rows: the count, then for each rate the sum of <c>⌊B·rate⌋</c>.</summary>
    private static void Sum(RateTerms terms, ReadOnlySpan<ulong> words, long[] window)
    {
        switch (terms.Scale)
        {
            case 0: Sum<Ten0>(terms.Mantissas, words, window); break;
            case 1: Sum<Ten1>(terms.Mantissas, words, window); break;
            case 2: Sum<Ten2>(terms.Mantissas, words, window); break;
            case 3: Sum<Ten3>(terms.Mantissas, words, window); break;
            case 4: Sum<Ten4>(terms.Mantissas, words, window); break;
            case 5: Sum<Ten5>(terms.Mantissas, words, window); break;
            default: Sum<Ten6>(terms.Mantissas, words, window); break;
        }
    }

    private static void Sum<TTen>(ReadOnlySpan<ulong> mantissas, ReadOnlySpan<ulong> words, long[] window)
        where TTen : struct, IPowerOfTen
    {
        var stride = mantissas.Length + 1;
        ref var origin = ref MemoryMarshal.GetArrayDataReference(window);
        foreach (var word in words)
        {
            // A regular base is below MaxBase: no product leaves 64 bits; every sum is at most the total of the
            // regular bases, checked in pass 1.
            var b = word >> BuyerBits;
            ref var row = ref Unsafe.Add(ref origin, (nint)(uint)(word & (BucketBuyers - 1)) * stride);
            unchecked
            {
                row++;
                for (var f = 0; f < mantissas.Length; f++)
                {
                    Unsafe.Add(ref row, f + 1) += (long)TTen.Divide(b * mantissas[f]);
                }
            }
        }
    }

    private static long PayIrregular(CommissionKernel kernel, RateTerms terms, PackedUpline upline, OrderBatch orders, long[] totals, long[] kindTotals)
    {
        var buyers = orders.Buyers.Span;
        var bases = orders.BaseMinorUnits.Span;
        Span<PaidLine> paid = kernel.MaxLines <= StackLines ? stackalloc PaidLine[kernel.MaxLines] : new PaidLine[kernel.MaxLines];
        long lines = 0;
        for (var o = 0; o < buyers.Length; o++)
        {
            var b = bases[o];
            if (b <= 0 || (b >= terms.MinBase && b <= terms.MaxBase))
            {
                continue;
            }

            var n = kernel.Pay(kernel.Standard, buyers[o], b, upline, paid);
            lines += n;
            for (var i = 0; i < n; i++)
            {
                ref readonly var line = ref paid[i];
                kindTotals[(int)line.Kind] += line.Amount;
                totals[(line.Beneficiary * kernel.SlotCount) + kernel.KindSlots[(int)line.Kind]] += line.Amount;
            }
        }

        return lines;
    }

    private struct Ten0 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value;
    }

    private struct Ten1 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 10;
    }

    private struct Ten2 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 100;
    }

    private struct Ten3 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 1_000;
    }

    private struct Ten4 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 10_000;
    }

    private struct Ten5 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 100_000;
    }

    private struct Ten6 : IPowerOfTen
    {
        public static ulong Divide(ulong value) => value / 1_000_000;
    }
}
