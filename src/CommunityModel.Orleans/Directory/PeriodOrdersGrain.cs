using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Storage;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Directory;

/// <summary>A period's month-end orders, stored as <see cref="OrderListed"/> events in its stream (<c>period-{period}</c>).</summary>
internal sealed class PeriodOrdersGrain(IEventStore store, CommunityClusterOptions options) : Grain, IPeriodOrdersGrain
{
    private readonly List<string> _orders = [];
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private EventStream _stream = null!;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"period-{this.GetPrimaryKeyString()}");
        return _stream.ReadAsync(0, e => Add(((OrderListed)e).OrderId), cancellationToken);
    }

    public async Task List(string orderId)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (_listed.Contains(orderId))
        {
            return;
        }

        await _stream.AppendAsync([new OrderListed(orderId, options.Clock.GetUtcNow())]);
        Add(orderId);
    }

    public Task<string[]> Orders() => Task.FromResult(_orders.ToArray());

    private void Add(string orderId)
    {
        if (_listed.Add(orderId))
        {
            _orders.Add(orderId);
        }
    }
}
