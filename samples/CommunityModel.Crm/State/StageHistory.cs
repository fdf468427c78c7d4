using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.State;

/// <summary>
/// Every member's moves on the value chain, from the stored events: the community holds only the stage now.
/// <see cref="CommunityState"/> feeds it each committed or replayed event; nothing else changes it.
/// </summary>
internal sealed class StageHistory
{
    private readonly Dictionary<MemberId, List<MemberTransitioned>> _stages = new();

    /// <summary>Follows one stored event.</summary>
    /// <param name="e">The event.</param>
    public void Apply(IDomainEvent e)
    {
        if (e is MemberTransitioned t)
        {
            (_stages.TryGetValue(t.Member, out var list) ? list : _stages[t.Member] = []).Add(t);
        }
    }

    /// <summary>The member's moves on the value chain, oldest first (the registration included).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The transitions.</returns>
    public IReadOnlyList<MemberTransitioned> Of(MemberId member) => _stages.GetValueOrDefault(member) ?? [];
}
