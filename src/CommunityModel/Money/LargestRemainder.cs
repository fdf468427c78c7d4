using System.Buffers;
using System.Numerics;

namespace CommunityModel;

/// <summary>
/// Exact allocation of a whole number of minor units by weights, with the largest-remainder
/// (Hamilton) method: every part first gets the floor of its exact share, then the units left over
/// go one each to the parts with the largest remainders, ties broken by position (earlier first).
/// </summary>
/// <remarks>
/// The parts always sum to the total; each part is within one minor unit of its exact share;
/// a zero weight always gets zero; the result depends only on the inputs. A negative total is
/// allocated as its magnitude and negated, so a refund splits exactly like the payment it mirrors.
/// This is the span-based core behind <see cref="Money.Allocate(ReadOnlySpan{long})"/>; it allocates
/// nothing on the heap for up to 64 parts and is meant for hot paths such as commission runs.
/// </remarks>
public static class LargestRemainder
{
    private const int StackSlots = 64;

    /// <summary>Allocates <paramref name="total"/> minor units over <paramref name="weights"/> into <paramref name="parts"/>.</summary>
    /// <param name="total">The amount to allocate, in minor units; may be negative.</param>
    /// <param name="weights">Non-negative weights, at least one of them positive.</param>
    /// <param name="parts">Receives one part per weight; must be exactly as long as <paramref name="weights"/>.</param>
    /// <exception cref="InvalidAllocationException">No weights, a negative weight, or every weight zero.</exception>
    /// <exception cref="ArgumentException"><paramref name="parts"/> is not as long as <paramref name="weights"/>.</exception>
    public static void Allocate(long total, ReadOnlySpan<long> weights, Span<long> parts)
    {
        CheckWeights(weights, parts.Length);
        Int128 weightSum = 0;
        foreach (var weight in weights)
        {
            weightSum += weight;
        }

        if (weightSum == 0)
        {
            throw AllZero(weights.Length);
        }

        var magnitude = MinorUnitArithmetic.Magnitude(total);
        if (magnitude == UInt128.Zero)
        {
            parts.Clear();
            return;
        }

        var maxWeight = 0L;
        foreach (var weight in weights)
        {
            maxWeight = Math.Max(maxWeight, weight);
        }

        // Prices in fen times totals in fen almost always fit 64 bits; 128-bit division is several times slower.
        if ((ulong)maxWeight <= ulong.MaxValue / (ulong)magnitude && weightSum <= ulong.MaxValue)
        {
            if (weights.Length <= StackSlots)
            {
                Distribute((ulong)magnitude, weights, (ulong)weightSum, parts, total < 0, stackalloc Slot<ulong>[weights.Length]);
            }
            else
            {
                DistributePooled((ulong)magnitude, weights, (ulong)weightSum, parts, total < 0);
            }
        }
        else if (weights.Length <= StackSlots)
        {
            Distribute((Int128)magnitude, weights, weightSum, parts, total < 0, stackalloc Slot<Int128>[weights.Length]);
        }
        else
        {
            DistributePooled((Int128)magnitude, weights, weightSum, parts, total < 0);
        }
    }

    /// <summary>Splits <paramref name="total"/> minor units into <paramref name="parts"/> as equally as possible; the earlier parts get the units left over.</summary>
    /// <param name="total">The amount to split, in minor units; may be negative.</param>
    /// <param name="parts">Receives the parts; its length is the number of parts and must be at least one.</param>
    /// <exception cref="InvalidAllocationException"><paramref name="parts"/> is empty.</exception>
    public static void Split(long total, Span<long> parts)
    {
        if (parts.IsEmpty)
        {
            throw new InvalidAllocationException("Cannot split an amount into zero parts; ask for at least one part.");
        }

        var magnitude = MinorUnitArithmetic.Magnitude(total);
        var (quotient, leftover) = UInt128.DivRem(magnitude, (UInt128)parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = quotient + (i < (int)leftover ? UInt128.One : UInt128.Zero);
            parts[i] = MinorUnitArithmetic.ToSignedMinorUnits(part, total < 0, "split", Currency.None);
        }
    }

    /// <summary>Allocates by decimal weights (e.g. standalone prices with fractions); exact for any decimal weights.</summary>
    internal static void Allocate(long total, ReadOnlySpan<decimal> weights, Span<long> parts)
    {
        CheckWeights(weights, parts.Length);
        var maxScale = 0;
        foreach (var weight in weights)
        {
            maxScale = Math.Max(maxScale, weight.Scale);
        }

        // Bring every weight to the same scale so they become exact integers; usually they fit 64 bits.
        Span<long> whole = weights.Length <= StackSlots ? stackalloc long[weights.Length] : new long[weights.Length];
        var fits = true;
        for (var i = 0; i < weights.Length && fits; i++)
        {
            var (mantissa, scale, _) = MinorUnitArithmetic.Decompose(weights[i]);
            // Below 2^64 times at most 10^19 stays below 2^128, so the product cannot overflow.
            fits = maxScale - scale <= 19 && mantissa >> 64 == UInt128.Zero;
            var scaled = fits ? mantissa * MinorUnitArithmetic.PowerOfTen(maxScale - scale) : UInt128.MaxValue;
            fits = scaled <= (UInt128)long.MaxValue;
            whole[i] = fits ? (long)scaled : 0;
        }

        if (fits)
        {
            Allocate(total, whole, parts);
            return;
        }

        var integral = new BigInteger[weights.Length];
        BigInteger weightSum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var (mantissa, scale, _) = MinorUnitArithmetic.Decompose(weights[i]);
            integral[i] = (BigInteger)mantissa * (BigInteger)MinorUnitArithmetic.PowerOfTen(maxScale - scale);
            weightSum += integral[i];
        }

        if (weightSum.IsZero)
        {
            throw AllZero(weights.Length);
        }

        var slots = new Slot<BigInteger>[weights.Length];
        Distribute((BigInteger)MinorUnitArithmetic.Magnitude(total), integral, weightSum, parts, total < 0, slots);
    }

    private static void DistributePooled<T>(T magnitude, ReadOnlySpan<long> weights, T weightSum, Span<long> parts, bool negative)
        where T : unmanaged, IBinaryInteger<T>
    {
        var rented = ArrayPool<Slot<T>>.Shared.Rent(weights.Length);
        try
        {
            Distribute(magnitude, weights, weightSum, parts, negative, rented.AsSpan(0, weights.Length));
        }
        finally
        {
            ArrayPool<Slot<T>>.Shared.Return(rented);
        }
    }

    private static void Distribute<TWeight, T>(T magnitude, ReadOnlySpan<TWeight> weights, T weightSum, Span<long> parts, bool negative, Span<Slot<T>> slots)
        where TWeight : IBinaryInteger<TWeight>
        where T : IBinaryInteger<T>
    {
        var assigned = T.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            var (quotient, remainder) = T.DivRem(magnitude * T.CreateTruncating(weights[i]), weightSum);
            assigned += quotient;
            slots[i] = new Slot<T>(quotient, remainder, i);
        }

        // Fewer units are left over than there are parts with a non-zero remainder, so zero weights never get one.
        var leftover = int.CreateChecked(magnitude - assigned);
        if (leftover > 0)
        {
            slots.Sort();
            for (var k = 0; k < leftover; k++)
            {
                slots[k] = slots[k] with { Quotient = slots[k].Quotient + T.One };
            }
        }

        foreach (var slot in slots)
        {
            parts[slot.Index] = MinorUnitArithmetic.ToSignedMinorUnits(ulong.CreateTruncating(slot.Quotient), negative, "allocate", Currency.None);
        }
    }

    private static void CheckWeights<T>(ReadOnlySpan<T> weights, int parts)
        where T : INumberBase<T>
    {
        if (weights.IsEmpty)
        {
            throw new InvalidAllocationException("Cannot allocate over no weights; give at least one weight.");
        }

        if (parts != weights.Length)
        {
            throw new ArgumentException($"The destination has {parts} part(s) but there are {weights.Length} weight(s); they must match.", nameof(parts));
        }

        for (var i = 0; i < weights.Length; i++)
        {
            if (T.IsNegative(weights[i]))
            {
                throw new InvalidAllocationException($"Weight {i} is {weights[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture)}; allocation weights must be zero or positive.");
            }
        }
    }

    private static InvalidAllocationException AllZero(int count) =>
        new($"All {count} weight(s) are zero; at least one weight must be positive.");

    /// <summary>A part under construction: its floor share, the remainder that ranks it for a leftover unit, and its position.</summary>
    private readonly record struct Slot<T>(T Quotient, T Remainder, int Index) : IComparable<Slot<T>>
        where T : IBinaryInteger<T>
    {
        // Largest remainder first; equal remainders keep their position order.
        public int CompareTo(Slot<T> other)
        {
            var byRemainder = other.Remainder.CompareTo(Remainder);
            return byRemainder != 0 ? byRemainder : Index.CompareTo(other.Index);
        }
    }
}
