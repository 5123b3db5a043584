namespace CoProd.Domain.Deals;

/// <summary>What is being made. Treaties' points tables are per <see cref="PointsCategory"/>.</summary>
public enum ProductionFormat
{
    FictionFeature,
    Animation,
    Documentary,
    Series,
}

/// <summary>The kinds of work a points table is written for.</summary>
public enum PointsCategory
{
    Fiction,
    Animation,
    Documentary,
}

/// <summary>A co-producer's place in the deal.</summary>
public enum PartnerRole
{
    /// <summary>Majority or delegate producer: leads the production.</summary>
    MajorityDelegate,

    /// <summary>Minority co-producer with creative and technical participation.</summary>
    Minority,

    /// <summary>Financial co-producer: contributes money only (treaties allow this in a narrower band, if at all).</summary>
    FinancialOnly,
}

public enum ContributionKind
{
    Cash,

    /// <summary>Services, facilities or rights, valued in money.</summary>
    InKind,
}

/// <summary>Key creative and technical positions; treaties' points tables and nationality rules refer to them.</summary>
public enum KeyRole
{
    Director,
    Scriptwriter,
    Composer,
    LeadActor1,
    LeadActor2,
    LeadActor3,
    DirectorOfPhotography,
    SoundRecordist,
    Editor,
    ProductionDesigner,
    CostumeDesigner,
    VfxSupervisor,
    AnimationDirector,
    CharacterDesigner,
    StoryboardSupervisor,
    LeadAnimator,
    VoiceLead,
    Producer,
}

/// <summary>Where a part of the work is done; points tables give points for some of these places.</summary>
public enum LocationKind
{
    /// <summary>Studio or shooting location (for animation: where the animation is made).</summary>
    Shooting,
    PostProduction,
    VisualEffects,
}

public static class ProductionFormatExtensions
{
    public static PointsCategory PointsCategory(this ProductionFormat format) => format switch
    {
        ProductionFormat.Animation => Deals.PointsCategory.Animation,
        ProductionFormat.Documentary => Deals.PointsCategory.Documentary,
        _ => Deals.PointsCategory.Fiction,
    };
}
