namespace CommunityModel.Organisation;

/// <summary>An event of the organisation (组织机构): its groups, their members and leaders, elections and registered activities.</summary>
public interface IOrganisationEvent : IDomainEvent;
