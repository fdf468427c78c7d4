using CommunityModel.Orleans.Storage;
using CommunityModel.Persistence;
using CommunityModel.Roles;

namespace CommunityModel.Orleans.Activities;

/// <summary>An activity's grain: its stream (<c>activity-{id}</c>) holds every <see cref="ActivityOrganised"/>; the last names the organiser now.</summary>
internal sealed class ActivityGrain(IEventStore store) : Grain, IActivityGrain
{
    private EventStream _stream = null!;
    private ActivityOrganised? _organised;

    private string Activity => this.GetPrimaryKeyString();

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = new EventStream(store, $"activity-{Activity}");
        return _stream.ReadAsync(0, e => _organised = e as ActivityOrganised ?? _organised, cancellationToken);
    }

    public Task<long> GetOrganiser() => Task.FromResult(_organised?.Organiser.Value ?? 0);

    public async Task<bool> Record(ActivityOrganised organised)
    {
        ArgumentNullException.ThrowIfNull(organised);
        if (organised.Activity != Activity || organised.Organiser.IsEmpty)
        {
            throw new ArgumentException($"The event names activity '{organised.Activity}' organised by member {organised.Organiser}; this is activity '{Activity}', and an activity is organised by a member.", nameof(organised));
        }

        if (_organised?.Organiser == organised.Organiser)
        {
            return false;
        }

        try
        {
            await _stream.AppendAsync([organised]);
        }
        catch (Exception)
        {
            DeactivateOnIdle();
            throw;
        }

        _organised = organised;
        return true;
    }
}
