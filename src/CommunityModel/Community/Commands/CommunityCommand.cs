namespace CommunityModel;

/// <summary>
/// Something an integrator asks of the <see cref="Community"/>. Commands are immutable records; the community decides
/// each one against its current state and answers with the events it caused (<see cref="CommunityChange"/>) or a typed
/// refusal that leaves the community unchanged.
/// </summary>
public abstract record CommunityCommand;
