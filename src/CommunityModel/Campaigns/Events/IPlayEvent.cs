namespace CommunityModel.Campaigns;

/// <summary>An event of a campaign play (训练营, 营销课, 社群表单, 秒杀, 快闪群, 拼团); every one names its play.</summary>
public interface IPlayEvent : IDomainEvent
{
    /// <summary>The play's id, unique in the community; the orders it sells carry it.</summary>
    string PlayId { get; }
}
