using System.IO;

namespace PolytomicPS.Tests.Cmdlets
{
    /// <summary>Base of the tests of cmdlets that keep state files (Receive-PolytomicEvent's checkpoint, the maintenance
    /// window's state): a temporary folder for the files, deleted after each test, and sandbox sync runs that end within
    /// a second.</summary>
    public abstract class StateFileTests : IClassFixture<SandboxFixture>, IDisposable
    {
        protected readonly SandboxFixture sandbox;
        protected readonly string folder;

        protected StateFileTests(SandboxFixture sandbox, string folderPrefix, int runsForMilliseconds)
        {
            this.sandbox = sandbox;
            folder = Path.Combine(Path.GetTempPath(), folderPrefix + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(folder);
            sandbox.State.SyncRuns.QueuedAfter = TimeSpan.FromMilliseconds(50);
            sandbox.State.SyncRuns.StartsAfter = TimeSpan.FromMilliseconds(100);
            sandbox.State.SyncRuns.RunsFor = TimeSpan.FromMilliseconds(runsForMilliseconds);
        }

        public void Dispose() => Directory.Delete(folder, true);
    }
}
