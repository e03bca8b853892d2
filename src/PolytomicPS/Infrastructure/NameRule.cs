using System.Management.Automation;
using Polytomic.Http;

namespace PolytomicPS
{
    /// <summary>The error records of the one rule for names (NameClaim): ConnectionNameExists, ModelNameExists,
    /// SyncNameExists and BulkSyncNameExists, all ResourceExists with the existing object as target.</summary>
    internal static class NameRule
    {
        /// <summary>Refused before anything was sent: the name belongs to another object.</summary>
        public static ErrorRecord Exists(NameClaim claim, string name, NamedObject existing, bool renaming) =>
            ErrorFactory.Input(claim.ErrorId,
                renaming
                    ? $"Another {claim.Kind} is named '{name}' (id {existing.Id}); nothing was changed."
                    : $"A {claim.Kind} named '{name}' already exists (id {existing.Id}); nothing was created.",
                ErrorCategory.ResourceExists, existing.Item,
                renaming
                    ? $"Choose another name, rename or remove the other {claim.Kind} (Get-Polytomic{claim.Noun} -Name '{Quote(name)}'), or add -Force to give two {claim.Kind}s the same name."
                    : $"Reuse it (Get-Polytomic{claim.Noun} -Name '{Quote(name)}'), change it (Set-Polytomic{claim.Noun}), or add -Force to create a second {claim.Kind} with the same name.");

        /// <summary>Another run created the name at the same time and its object came first: ours was deleted.</summary>
        public static ErrorRecord Lost(NameClaim claim, string name, string deletedId, NamedObject winner) =>
            ErrorFactory.Input(claim.ErrorId,
                $"A {claim.Kind} named '{name}' was created at the same time by another run (id {winner.Id}), so the one this command created (id {deletedId}) was deleted again; one {claim.Kind} keeps the name.",
                ErrorCategory.ResourceExists, winner.Item,
                $"Reuse it (Get-Polytomic{claim.Noun} -Name '{Quote(name)}'), or add -Force to create a second {claim.Kind} with the same name.");

        private static string Quote(string name) => name.Replace("'", "''");
    }
}
