using CommunityModel.Commissions.Ledger;
using CommunityModel.Lifecycle;

namespace CommunityModel.Crm.State;

/// <summary>
/// What the community keeps no list of, per member, from the stored events: every move on the value chain (the
/// community holds only the stage now) and every withdrawal with its outcome (the ledger holds only the pending ones).
/// <see cref="CommunityState"/> feeds it each committed or replayed event; nothing else changes it.
/// </summary>
internal sealed class MemberHistory
{
    private readonly Dictionary<MemberId, List<MemberTransitioned>> _stages = new();
    private readonly Dictionary<MemberId, List<WithdrawalRequested>> _withdrawals = new();
    private readonly Dictionary<string, IDomainEvent> _settled = new(StringComparer.Ordinal);

    /// <summary>Follows one stored event.</summary>
    /// <param name="e">The event.</param>
    public void Apply(IDomainEvent e)
    {
        switch (e)
        {
            case MemberTransitioned t:
                ListOf(_stages, t.Member).Add(t);
                break;
            case WithdrawalRequested w:
                ListOf(_withdrawals, w.Member).Add(w);
                break;
            case WithdrawalPaid p:
                _settled[p.WithdrawalId] = p;
                break;
            case WithdrawalRejected r:
                _settled[r.WithdrawalId] = r;
                break;
        }
    }

    /// <summary>The member's moves on the value chain, oldest first (the registration included).</summary>
    /// <param name="member">The member.</param>
    /// <returns>The transitions.</returns>
    public IReadOnlyList<MemberTransitioned> StagesOf(MemberId member) => _stages.GetValueOrDefault(member) ?? [];

    /// <summary>The member's withdrawal requests, oldest first.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The requests.</returns>
    public IReadOnlyList<WithdrawalRequested> WithdrawalsOf(MemberId member) => _withdrawals.GetValueOrDefault(member) ?? [];

    /// <summary>How a withdrawal ended: <see cref="WithdrawalPaid"/>, <see cref="WithdrawalRejected"/>, or null while it is pending.</summary>
    /// <param name="withdrawalId">The withdrawal id.</param>
    /// <returns>The event that settled it, or null.</returns>
    public IDomainEvent? SettlementOf(string withdrawalId) => _settled.GetValueOrDefault(withdrawalId);

    private static List<T> ListOf<T>(Dictionary<MemberId, List<T>> lists, MemberId member) =>
        lists.TryGetValue(member, out var list) ? list : lists[member] = [];
}
