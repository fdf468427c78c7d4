namespace CommunityModel;

/// <summary>
/// What a decision in one member's stream asks of another stream: the commissions of an order, the sponsor's stream,
/// the member-number issuer. A follow-up is decided after the decision that sent it, against the state of its own
/// stream; it names the ids that make it idempotent (an order, a refund, a member), so delivering it twice changes
/// nothing the second time. <see cref="Community"/> delivers follow-ups in order within the same command; a distributed
/// host sends them as messages.
/// </summary>
public abstract record FollowUp;
