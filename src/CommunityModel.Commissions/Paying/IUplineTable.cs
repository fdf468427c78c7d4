
namespace CommunityModel.Commissions.Paying;

/// <summary>
/// What a walk up the network (the level walk, the combined plan's kernel) reads about a member while walking up: its sponsor, its rank level and its status.
/// Implemented by structs so the kernel is specialised (and inlined) for each.
/// </summary>
internal interface IUplineTable
{
    /// <summary>The sponsor's index; -1 for a root.</summary>
    int ParentAt(int index);

    /// <summary>The rank level: 0 for none.</summary>
    int RankAt(int index);

    /// <summary>The earner status.</summary>
    EarnerStatus StatusAt(int index);
}
