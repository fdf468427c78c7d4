using System.Runtime.InteropServices;

namespace CommunityModel.Metrics;

/// <summary>
/// Gives every member seen in a computation a dense index (0, 1, 2, ...), so the per-member state of every metric
/// lives in plain arrays: memory grows with members, never with events.
/// </summary>
internal sealed class MemberIndex
{
    private readonly Dictionary<MemberId, int> _indexes = [];

    internal int Count => _indexes.Count;

    internal int IndexOf(MemberId member)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_indexes, member, out var exists);
        if (!exists)
        {
            slot = _indexes.Count - 1;
        }

        return slot;
    }

    /// <summary>Grows a per-member array so that <paramref name="index"/> fits, new slots holding <paramref name="empty"/>.</summary>
    internal static void Fit<T>(ref T[] array, int index, T empty)
    {
        if (index < array.Length)
        {
            return;
        }

        var old = array.Length;
        Array.Resize(ref array, Math.Max(index + 1, Math.Max(16, old * 2)));
        if (!EqualityComparer<T>.Default.Equals(empty, default!))
        {
            array.AsSpan(old).Fill(empty);
        }
    }
}
