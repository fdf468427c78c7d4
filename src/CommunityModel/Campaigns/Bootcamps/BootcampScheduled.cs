using System.Collections.Immutable;

namespace CommunityModel.Campaigns.Bootcamps;

/// <summary>A bootcamp (训练营) was scheduled: a low-price course of a few sessions.</summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="ProductId">The catalog product members buy to enrol.</param>
/// <param name="Price">The enrolment price; at most the list price.</param>
/// <param name="Sessions">The sessions' ids, in order; between <see cref="CampaignOptions.BootcampMinSessions"/> and <see cref="CampaignOptions.BootcampMaxSessions"/> of them.</param>
/// <param name="OccurredAt">When it was scheduled.</param>
public sealed record BootcampScheduled(string PlayId, string Title, string ProductId, Money Price, ImmutableArray<string> Sessions, DateTimeOffset OccurredAt) : IPlayEvent
{
    /// <summary>Whether both hold the same values, the lists item by item in order.</summary>
    /// <param name="other">The other one.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(BootcampScheduled? other) =>
        other is not null && PlayId == other.PlayId && Title == other.Title && ProductId == other.ProductId && Price == other.Price && OccurredAt == other.OccurredAt && Sessions.AsSpan().SequenceEqual(other.Sessions.AsSpan());

    /// <summary>A hash of the values and the lists' lengths.</summary>
    /// <returns>The hash.</returns>
    public override int GetHashCode() => HashCode.Combine(PlayId, Title, ProductId, Price, Sessions.IsDefault ? 0 : Sessions.Length);
}
