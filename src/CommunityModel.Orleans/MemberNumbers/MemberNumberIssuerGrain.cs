using CommunityModel.MemberNumbers;
using CommunityModel.Orleans.Members;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.MemberNumbers;

/// <summary>The cluster's member-number issuer: one <see cref="MemberNumberIssuer"/>, resumed from its stream on activation.</summary>
internal sealed class MemberNumberIssuerGrain(IEventStore store, MemberStream decider) : Grain, IMemberNumberIssuerGrain
{
    private readonly Dictionary<MemberId, string> _issued = [];
    private readonly MemberNumberIssuer _issuer = new(decider.Numbers);
    private EventStream _stream = null!;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"member-numbers-{this.GetPrimaryKeyLong()}");
        return _stream.ReadAsync(0, Apply, cancellationToken);
    }

    public async Task<string> Issue(long member, string category, DateTimeOffset occurredAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        var id = MemberKey.Of(member);
        if (_issued.TryGetValue(id, out var held))
        {
            return held;
        }

        // The issuer counts on; if the append fails the count moved past a number nobody holds, as a sequence does.
        var issued = new MemberNumberIssued(id, _issuer.Issue(category).Text, occurredAt);
        await _stream.AppendAsync([issued]);
        _issued[id] = issued.Number;
        return issued.Number;
    }

    private void Apply(IDomainEvent e)
    {
        if (e is MemberNumberIssued n)
        {
            _issuer.Resume(n.Number);
            _issued[n.Member] = n.Number;
        }
    }
}
