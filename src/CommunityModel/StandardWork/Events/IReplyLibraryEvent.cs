namespace CommunityModel.StandardWork;

/// <summary>An event of the keyword reply library (关键词回复资料库).</summary>
public interface IReplyLibraryEvent : IDomainEvent;
