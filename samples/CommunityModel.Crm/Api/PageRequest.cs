using System.Buffers.Text;
using System.Globalization;
using System.Text;
using CommunityModel.Crm.Errors;

namespace CommunityModel.Crm.Api;

/// <summary>
/// One page of a list: at most <see cref="Limit"/> items after <see cref="After"/>. The cursor a page hands out
/// (<c>next</c>) is opaque to callers: base64url of the list's name and a position in it (the last member id, or how
/// many items came before), so a cursor of one list or one member is refused by another. Lists only grow at their end,
/// so a cursor stays valid while items are added.
/// </summary>
/// <param name="Limit">The most items.</param>
/// <param name="After">The position after which the page starts: 0 for the first page.</param>
internal readonly record struct PageRequest(int Limit, long After)
{
    /// <summary>The page size when the request names none (or less when the maximum is lower).</summary>
    public const int DefaultLimit = 50;

    /// <summary>Reads <c>limit</c> and <c>cursor</c> from the query.</summary>
    /// <param name="limit">The query's <c>limit</c>: 1 to <paramref name="maxLimit"/>, the default when left out.</param>
    /// <param name="cursor">The query's <c>cursor</c>: the previous page's <c>next</c>, none for the first page.</param>
    /// <param name="list">The list's name, e.g. <c>orders:2</c>; a cursor of another list is refused.</param>
    /// <param name="maxLimit">The largest page.</param>
    /// <returns>The page asked.</returns>
    /// <exception cref="CrmException">400 <c>crm.invalid_request</c> naming <c>limit</c> or <c>cursor</c>.</exception>
    public static PageRequest Parse(string? limit, string? cursor, string list, int maxLimit)
    {
        var size = Math.Min(DefaultLimit, maxLimit);
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxLimit))
        {
            throw CrmException.Invalid("limit", $"The query's 'limit' must be a whole number from 1 to {maxLimit}.");
        }

        return new PageRequest(size, cursor is null ? 0 : Position(cursor, list));
    }

    /// <summary>The cursor of the page after one that ended at <paramref name="position"/>.</summary>
    /// <param name="list">The list's name.</param>
    /// <param name="position">The last item's position.</param>
    /// <returns>The opaque cursor.</returns>
    public static string Cursor(string list, long position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(list + "|" + position.ToString(CultureInfo.InvariantCulture)));

    private static long Position(string cursor, string list)
    {
        var prefix = list + "|";
        if (cursor.Length <= 200 && Base64Url.IsValid(cursor))
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }

        throw CrmException.Invalid("cursor", "The query's 'cursor' is not a cursor of this list: pass the 'next' of its previous page as it was.");
    }
}
