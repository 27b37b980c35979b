namespace Affiliates.Programs;

/// <summary>A registry to create, with its first terms.</summary>
/// <param name="Id">The registry id.</param>
/// <param name="Name">A display name.</param>
/// <param name="AdminAddress">The admin's address; admin changes must be signed by it.</param>
/// <param name="Terms">The first terms (their registry id, version and effective instant are set by the engine); see <see cref="ProgramTermsDefaults"/>.</param>
public sealed record NewRegistry(string Id, string Name, string AdminAddress, ProgramTerms Terms);
