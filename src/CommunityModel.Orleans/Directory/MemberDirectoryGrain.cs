using CommunityModel.Orleans.Events;
using CommunityModel.Orleans.Storage;
using CommunityModel.Orleans.Hosting;
using CommunityModel.Persistence;

namespace CommunityModel.Orleans.Directory;

/// <summary>A directory partition, stored as <see cref="MemberListed"/> events in its stream (<c>directory-{n}</c>).</summary>
internal sealed class MemberDirectoryGrain(IEventStore store, CommunityClusterOptions options) : Grain, IMemberDirectoryGrain
{
    private readonly List<long> _members = [];
    private readonly HashSet<long> _listed = [];
    private EventStream _stream = null!;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"directory-{this.GetPrimaryKeyLong()}");
        return _stream.ReadAsync(0, e => Add(((MemberListed)e).Member.Value), cancellationToken);
    }

    public async Task List(long member)
    {
        if (_listed.Contains(member))
        {
            return;
        }

        await _stream.AppendAsync([new MemberListed(member, options.Clock.GetUtcNow())]);
        Add(member);
    }

    public Task<long[]> Members() => Task.FromResult(_members.ToArray());

    private void Add(long member)
    {
        if (_listed.Add(member))
        {
            _members.Add(member);
        }
    }
}
