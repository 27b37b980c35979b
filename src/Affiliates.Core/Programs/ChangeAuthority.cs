namespace Affiliates.Programs;

/// <summary>Who must sign a change.</summary>
internal enum ChangeAuthority
{
    /// <summary>Any address; it becomes the owner of what it creates.</summary>
    Anyone,

    /// <summary>The code's owner.</summary>
    Owner,

    /// <summary>The code's owner or the registry admin.</summary>
    OwnerOrAdmin,

    /// <summary>The registry admin.</summary>
    Admin,
}
