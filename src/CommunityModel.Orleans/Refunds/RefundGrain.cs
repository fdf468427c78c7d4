using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Refunds;

/// <summary>A refund id's grain: a live claim in memory, and the member the id names once recorded, in the stream <c>refund-{id}</c>.</summary>
internal sealed class RefundGrain(IEventStore store, CommunityClusterOptions options) : Grain, IRefundGrain
{
    private EventStream _stream = null!;
    private long _recorded; // the member whose refund the id names, once stored
    private long _claimant;

    private string RefundId => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"refund-{RefundId}");
        return _stream.ReadAsync(0, e => _recorded = e is RefundIdTaken taken && _recorded == 0 ? taken.Member.Value : _recorded, cancellationToken);
    }

    // Synchronous, so atomic on the grain's scheduler.
    public Task<long> Claim(long member)
    {
        if (_recorded != 0)
        {
            return Task.FromResult(_recorded);
        }

        if (_claimant == 0)
        {
            _claimant = member;
        }

        return Task.FromResult(_claimant);
    }

    public Task Release(long member)
    {
        if (_recorded == 0 && _claimant == member)
        {
            _claimant = 0;
        }

        return Task.CompletedTask;
    }

    public async Task<long> Record(long member)
    {
        if (_recorded != 0)
        {
            return _recorded;
        }

        try
        {
            await _stream.AppendAsync([new RefundIdTaken(RefundId, new MemberId(member), options.Clock.GetUtcNow())]);
        }
        catch (Exception)
        {
            DeactivateOnIdle();
            throw;
        }

        _recorded = member;
        _claimant = member;
        return member;
    }
}
