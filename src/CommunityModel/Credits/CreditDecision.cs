using System.Collections.Immutable;

namespace CommunityModel.Credits;

/// <summary>What the ledger decided for a request: the events to store and apply, or a repeat of a request already recorded.</summary>
/// <param name="Events">The events, in order; empty for a repeat or when nothing changes.</param>
/// <param name="IsRepeat">Whether the request repeats one already recorded (same id, same request): nothing new happens.</param>
public sealed record CreditDecision(ImmutableArray<ICreditEvent> Events, bool IsRepeat = false);
