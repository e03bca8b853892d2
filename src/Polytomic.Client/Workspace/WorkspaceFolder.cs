using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Polytomic.Workspace
{
    /// <summary>A workspace on disk: manifest.json, and one JSON file per object in a folder per kind, named after the
    /// object, so that a diff of the folder shows one object per file. The folder is the user's: it is never read or
    /// written through a link, each file is written whole, and only files an export wrote (manifest.json lists them)
    /// are ever deleted.</summary>
    public static class WorkspaceFolder
    {
        public const string ManifestFile = "manifest.json";

        /// <summary>The one file of the error subscribers list (a list, not objects: no folder).</summary>
        public const string ErrorSubscribersFile = "error_subscribers.json";

        /// <summary>The largest workspace file read: an object's file is a few kilobytes.</summary>
        public const long MaxFileBytes = 5 * 1024 * 1024;

        /// <summary>Where an object's file lives, relative to the workspace folder.</summary>
        public static string RelativePath(WorkspaceObject o, bool hashed = false) =>
            o.Type.SingleFile ?? Path.Combine(o.Kind, WorkspaceFileName.Of(o.Name, hashed));

        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);

        /// <summary>The file name of an object (see <see cref="WorkspaceFileName"/>).</summary>
        public static string FileName(string name) => WorkspaceFileName.Of(name);

        private static string Slashed(string relative) => relative.Replace('\\', '/');

        /// <summary>Writes the objects, then the manifest (listing the files written). Files of the workspace's kinds that
        /// no object matches are deleted only when the previous export wrote them; others are kept and reported to warn.
        /// Two objects of a kind with one name or one file name, and links in the folder, are errors before any write.</summary>
        public static IReadOnlyList<string> Write(string path, WorkspaceManifest manifest, IEnumerable<WorkspaceObject> objects, Action<string>? warn = null)
        {
            var list = objects.Select(o => (Object: o, File: RelativePath(o))).ToList();
            // Names that differ only in case would be one file where case does not count: each gets its hashed name.
            var folded = new HashSet<string>(list.GroupBy(x => x.File, StringComparer.OrdinalIgnoreCase)
                .Where(g => g.Select(x => x.Object.Name).Distinct(StringComparer.Ordinal).Count() > 1).Select(g => g.Key), StringComparer.OrdinalIgnoreCase);
            var files = new Dictionary<string, WorkspaceObject>(StringComparer.OrdinalIgnoreCase);
            var clashes = new List<string>();
            foreach (var (o, plain) in list)
            {
                var file = folded.Contains(plain) ? RelativePath(o, hashed: true) : plain;
                if (files.TryGetValue(file, out var other))
                    clashes.Add(other.Name == o.Name ? $"{WorkspaceKinds.Display(o.Kind)} '{o.Name}'"
                        : $"{WorkspaceKinds.Display(o.Kind)} '{other.Name}' and '{o.Name}' (both {file})");
                else files[file] = o;
            }
            if (clashes.Count > 0)
                throw new WorkspaceException("DuplicateWorkspaceName",
                    "Names are the keys of a workspace, and these are not unique: " + string.Join("; ", clashes.Distinct()) +
                    ". Rename them (Set-PolytomicConnection/-Model/-Sync -Name) and export again.", clashes);

            var links = Links(path);
            if (links.Count > 0)
                throw new WorkspaceException("WorkspaceLinkRefused",
                    $"Nothing was written: the workspace folder '{path}' holds links ({string.Join(", ", links)}). An export never writes " +
                    "through a link; replace them with plain files and folders, or export to another folder.", links);
            try
            {
                var owned = Owned(path);
                Directory.CreateDirectory(path);
                var written = new List<string>();
                foreach (var kv in files.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    var full = Path.Combine(path, kv.Key);
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    WriteWhole(full, WorkspaceJson.ToFileText(kv.Value.Body));
                    written.Add(full);
                }
                // Every kind: a kind the export no longer includes leaves none of the export's files behind.
                foreach (var (relative, kind) in Existing(path))
                {
                    if (files.ContainsKey(relative)) continue;
                    if (owned?.Contains(Slashed(relative)) ?? WroteBefore(Path.Combine(path, relative), kind)) File.Delete(Path.Combine(path, relative));
                    else warn?.Invoke($"Kept {Slashed(relative)}: the export did not write it (manifest.json does not list it). Compare- and " +
                        $"Import-PolytomicWorkspace read it as a {WorkspaceKinds.Display(kind)}; move it out of the folder if it is not one.");
                }
                manifest.Files = files.Keys.Select(Slashed).OrderBy(f => f, StringComparer.Ordinal).ToList();
                WriteWhole(Path.Combine(path, ManifestFile), WorkspaceJson.ToFileText(manifest.ToJson()));
                return written;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new WorkspaceException("WorkspaceWriteFailed",
                    $"The export to '{path}' stopped: {ex.Message} The manifest was not rewritten; every file is whole, old or new.", path);
            }
        }

        /// <summary>The workspace files in the folder: each kind folder's *.json and error_subscribers.json.</summary>
        private static IEnumerable<(string Relative, string Kind)> Existing(string path)
        {
            foreach (var kind in WorkspaceKinds.All)
            {
                if (WorkspaceKinds.Of(kind).SingleFile is string single)
                {
                    if (File.Exists(Path.Combine(path, single))) yield return (single, kind);
                    continue;
                }
                var dir = Path.Combine(path, kind);
                if (!Directory.Exists(dir)) continue;
                foreach (var f in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                    yield return (Path.Combine(kind, Path.GetFileName(f)), kind);
            }
        }

        /// <summary>The files the previous export wrote, as its manifest lists them (only names of workspace files: a
        /// manifest never makes the export delete anything else); null for a manifest of an export that did not list them.</summary>
        private static HashSet<string>? Owned(string path)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var file = Path.Combine(path, ManifestFile);
            if (!File.Exists(file) || new FileInfo(file).Length > MaxFileBytes) return set;
            JsonObject? manifest;
            try { manifest = JsonNode.Parse(File.ReadAllText(file, Utf8)) as JsonObject; }
            catch (Exception ex) when (ex is JsonException || ex is ArgumentException) { return set; }
            if (manifest == null) return set;
            if (!(manifest["files"] is JsonArray listed)) return manifest.ContainsKey("files") ? set : null;
            foreach (var n in listed)
                if (n is JsonValue v && v.TryGetValue<string>(out var s) && IsWorkspaceFile(s)) set.Add(s);
            return set;
        }

        /// <summary>"connections/Warehouse.json" or "error_subscribers.json": nothing else is a workspace file.</summary>
        internal static bool IsWorkspaceFile(string relative)
        {
            if (WorkspaceKinds.Registered.Any(k => k.SingleFile == relative)) return true;
            var parts = relative.Split('/');
            return parts.Length == 2 && WorkspaceKinds.Registered.Any(k => k.Key == parts[0] && k.SingleFile == null)
                && parts[1].EndsWith(".json", StringComparison.Ordinal) && parts[1] != ".json" && parts[1].IndexOfAny(new[] { '\\', ':' }) < 0
                && parts[1] != ".." && parts[1] != ".";
        }

        /// <summary>For a manifest that lists no files (an earlier export): a file counts as the export's when it holds an
        /// object of its kind whose name gives its file name, now or as earlier exports named files.</summary>
        private static bool WroteBefore(string file, string kind)
        {
            try
            {
                if (new FileInfo(file).Length > MaxFileBytes) return false;
                if (!(JsonNode.Parse(File.ReadAllText(file, Utf8)) is JsonObject o)) return false;
                var type = WorkspaceKinds.Of(kind);
                if (type.SingleFile != null) return true;
                var name = o[type.NameKey] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                return name != null && (FileName(name) == Path.GetFileName(file) || WorkspaceFileName.Legacy(name) == Path.GetFileName(file));
            }
            catch (Exception ex) when (ex is JsonException || ex is ArgumentException || ex is InvalidOperationException) { return false; }
        }

        /// <summary>Writes a file whole: a temporary file beside it, then a rename over it, so a reader or a failed export
        /// sees the old bytes or the new, never a part. An unchanged file is left untouched (its time stamp too).</summary>
        private static void WriteWhole(string file, string text)
        {
            var bytes = Utf8.GetBytes(text);
            if (File.Exists(file) && File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes)) return;
            var temp = Path.Combine(Path.GetDirectoryName(file)!, ".~" + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(true);
                }
                if (File.Exists(file)) File.Replace(temp, file, null);
                else File.Move(temp, file);
            }
            finally { if (File.Exists(temp)) File.Delete(temp); }
        }

        /// <summary>Whether the path is a link (a symbolic link, or a junction on Windows), dangling or not.</summary>
        public static bool IsLink(string path)
        {
            try { return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0; }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException) { return false; }
        }

        /// <summary>The links among what an export or import reads and writes: manifest.json, error_subscribers.json, the
        /// kind folders, and everything inside those folders; relative to the folder.</summary>
        public static List<string> Links(string path)
        {
            var found = new List<string>();
            if (!Directory.Exists(path)) return found;
            foreach (var name in new[] { ManifestFile }.Concat(WorkspaceKinds.Registered.Where(k => k.SingleFile != null).Select(k => k.SingleFile!))
                .Concat(WorkspaceKinds.Registered.Where(k => k.SingleFile == null).Select(k => k.Key)))
            {
                var full = Path.Combine(path, name);
                if (IsLink(full)) { found.Add(name); continue; }
                if (name.EndsWith(".json", StringComparison.Ordinal) || !Directory.Exists(full)) continue;
                foreach (var entry in Directory.GetFileSystemEntries(full).OrderBy(e => e, StringComparer.Ordinal))
                    if (IsLink(entry)) found.Add(name + "/" + Path.GetFileName(entry));
            }
            return found;
        }

        /// <summary>Reads and checks the whole folder (see <see cref="WorkspaceValidator"/>): every problem of every file
        /// is reported at once, in one WorkspaceFolderInvalid exception, before anything is sent.</summary>
        public static (WorkspaceManifest Manifest, List<WorkspaceObject> Objects) Read(string path)
        {
            var manifestPath = Path.Combine(path, ManifestFile);
            if (!File.Exists(manifestPath) && !IsLink(manifestPath))
                throw new WorkspaceException("WorkspaceManifestNotFound", $"'{path}' is not a workspace folder: it has no {ManifestFile}. Export-PolytomicWorkspace writes one.", path);
            var problems = new List<WorkspaceProblem>();
            var links = new HashSet<string>(Links(path), StringComparer.Ordinal);
            foreach (var link in links)
                problems.Add(new WorkspaceProblem("WorkspaceLinkRefused", link, "$", "is a link; a workspace is never read through a link (replace it with a plain file or folder)"));

            WorkspaceManifest? manifest = null;
            if (!links.Contains(ManifestFile) && Load(path, ManifestFile, problems) is JsonObject m)
            {
                var found = WorkspaceValidator.CheckManifest(m, ManifestFile);
                problems.AddRange(found);
                if (found.Count == 0) manifest = WorkspaceManifest.FromJson(m);
            }

            var objects = new List<WorkspaceObject>();
            foreach (var kind in WorkspaceKinds.All)
            {
                if (links.Contains(kind)) continue;
                var dir = Path.Combine(path, kind);
                var single = WorkspaceKinds.Of(kind).SingleFile;
                var found = single != null
                    ? (File.Exists(Path.Combine(path, single)) ? new[] { single } : new string[0])
                    : Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Select(f => kind + "/" + Path.GetFileName(f)).ToArray() : new string[0];
                foreach (var relative in found.OrderBy(f => f, StringComparer.Ordinal))
                {
                    if (links.Contains(relative) || !(Load(path, relative, problems) is JsonObject body)) continue;
                    var fileProblems = WorkspaceValidator.CheckFile(kind, relative, body);
                    problems.AddRange(fileProblems);
                    if (fileProblems.Count == 0) objects.Add(new WorkspaceObject(kind, body) { File = relative });
                }
            }
            if (problems.Count > 0) throw WorkspaceException.Of(path, problems);

            var duplicates = objects.GroupBy(o => (o.Kind, o.Name)).Where(g => g.Count() > 1)
                .Select(g => $"{WorkspaceKinds.Display(g.Key.Kind)} '{g.Key.Name}' ({g.Count()} files)").ToList();
            if (duplicates.Count > 0)
                throw new WorkspaceException("DuplicateWorkspaceName", "Names are the keys of a workspace, and these are not unique in the folder: " +
                    string.Join("; ", duplicates) + ".", duplicates);
            return (manifest!, objects);
        }

        /// <summary>One file's JSON object, or null with its problem noted (too large, not JSON, not an object).</summary>
        private static JsonObject? Load(string root, string relative, List<WorkspaceProblem> problems)
        {
            var file = Path.Combine(root, relative);
            try
            {
                var size = new FileInfo(file).Length;
                if (size > MaxFileBytes)
                {
                    problems.Add(new WorkspaceProblem("WorkspaceFileTooLarge", relative, "$",
                        $"has {size} bytes; a workspace file may have at most {MaxFileBytes} ({MaxFileBytes / (1024 * 1024)} MB)"));
                    return null;
                }
                if (JsonNode.Parse(File.ReadAllText(file, Utf8)) is JsonObject o)
                {
                    // Duplicate keys surface only when a JsonObject is first read: read them all now.
                    WorkspaceJson.ToCanonical(o);
                    return o;
                }
                problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", relative, "$", "does not hold a JSON object"));
            }
            catch (JsonException ex)
            {
                problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", relative, ex.Path ?? "$", "is not valid JSON: " + ex.Message));
            }
            catch (ArgumentException ex)
            {
                problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", relative, "$", "is not valid JSON: " + ex.Message));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                problems.Add(new WorkspaceProblem("InvalidWorkspaceFile", relative, "$", "cannot be read: " + ex.Message));
            }
            return null;
        }
    }
}
