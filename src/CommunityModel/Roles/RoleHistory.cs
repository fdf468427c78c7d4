namespace CommunityModel.Roles;

/// <summary>How the role events fold into a member record, and what a stored stream could not hold.</summary>
internal static class RoleHistory
{
    /// <summary>The member after a role event; other events leave the member as it is.</summary>
    public static CommunityMember Fold(CommunityMember member, IDomainEvent e) => e switch
    {
        WorkRoleGranted g => member with { RoleTerms = Terms(member).Add(new WorkRoleTerm(g.Role, g.OccurredAt, null)) },
        WorkRoleRevoked r => member with { RoleTerms = Close(member, r) },
        CareAssigned c => member with { CareTeam = Assign(member, c) },
        _ => member,
    };

    /// <summary>
    /// What the deciders would never have produced: a role granted twice, revoked while not held, a care place given to
    /// the customer themselves or to a member who does not hold the role. <paramref name="member"/> finds any member.
    /// </summary>
    public static string? Problem(IDomainEvent e, Func<MemberId, CommunityMember?> member) => e switch
    {
        WorkRoleGranted g when member(g.Member)?.Holds(g.Role) == true
            => $"member {g.Member} is granted {g.Role} at {g.OccurredAt:O} while holding it",
        WorkRoleRevoked r when member(r.Member) is { } m && !m.Holds(r.Role)
            => $"member {r.Member} loses {r.Role} at {r.OccurredAt:O} without holding it",
        CareAssigned c when c.Holder == c.Customer
            => $"member {c.Customer} is assigned as their own {c.Role} at {c.OccurredAt:O}",
        CareAssigned c when member(c.Holder)?.Holds(c.Role) != true
            => $"member {c.Holder} is assigned as {c.Role} of member {c.Customer} at {c.OccurredAt:O} without holding the role",
        _ => null,
    };

    private static System.Collections.Immutable.ImmutableArray<WorkRoleTerm> Terms(CommunityMember member) => member.RoleTerms.IsDefault ? [] : member.RoleTerms;

    private static System.Collections.Immutable.ImmutableArray<WorkRoleTerm> Close(CommunityMember member, WorkRoleRevoked revoked)
    {
        var terms = Terms(member);
        for (var i = terms.Length - 1; i >= 0; i--)
        {
            if (terms[i].Role == revoked.Role && terms[i].Until is null)
            {
                return terms.SetItem(i, terms[i] with { Until = revoked.OccurredAt });
            }
        }

        return terms;
    }

    private static System.Collections.Immutable.ImmutableArray<CareAssignment> Assign(CommunityMember member, CareAssigned assigned)
    {
        var team = member.CareTeam.IsDefault ? [] : member.CareTeam;
        var care = new CareAssignment(assigned.Role, assigned.Holder, assigned.OccurredAt);
        for (var i = 0; i < team.Length; i++)
        {
            if (team[i].Role == assigned.Role)
            {
                return team.SetItem(i, care);
            }
        }

        return team.Add(care);
    }
}
