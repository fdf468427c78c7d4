namespace CommunityModel.Organisation;

/// <summary>The levels of the organisation (组织机构: 总部-班长-组长-学生).</summary>
public enum GroupKind
{
    /// <summary>Headquarters (总部): the root; it holds the classes.</summary>
    Headquarters,

    /// <summary>A class (班级) led by a class monitor (班长); it holds squads and students.</summary>
    Class,

    /// <summary>A squad (小组) of a class, led by a group leader (组长); it holds students.</summary>
    Squad,
}
