namespace Polytomic.Models
{
    /// <summary>One sync of a maintenance window, as Suspend-PolytomicSync and Resume-PolytomicSync report it.</summary>
    public sealed class PolytomicSuspendedSync
    {
        /// <summary>Sync (a model sync) or BulkSync.</summary>
        public string Kind { get; set; } = "";
        public string Id { get; set; } = "";
        public string? Name { get; set; }
        /// <summary>Deactivated by the suspend (it was active when the state file was written).</summary>
        public bool Suspended { get; set; }
        /// <summary>Reactivated by the resume.</summary>
        public bool Resumed { get; set; }
        /// <summary>The sync no longer exists (deleted during the window); nothing more is done to it.</summary>
        public bool Missing { get; set; }
        /// <summary>A run was still in flight when the suspend ended (after -Wait ran out, or without -Wait).</summary>
        public bool Running { get; set; }
        /// <summary>The run canceled by -CancelRunning, if any.</summary>
        public string? CanceledExecutionId { get; set; }
        public string StateFile { get; set; } = "";
        public override string ToString() => $"{Kind} {Name ?? Id}";
    }
}
