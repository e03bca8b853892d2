using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PolytomicPS.HelpGen
{
    /// <summary>One example: the code and the paragraphs that explain it.</summary>
    public sealed record Example(string Code, IReadOnlyList<string> Remarks);

    /// <summary>The compiler's XML documentation file, read as help text: summary = synopsis, remarks = description,
    /// example = code + paragraphs, a property's summary = the parameter's description.</summary>
    public sealed class DocComments
    {
        private readonly Dictionary<string, XElement> members;

        private DocComments(Dictionary<string, XElement> members) { this.members = members; }

        public static DocComments Load(string path)
        {
            var doc = XDocument.Load(path);
            var members = doc.Descendants("member")
                .Where(m => m.Attribute("name") != null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First());
            return new DocComments(members);
        }

        public IReadOnlyList<string> Summary(Type type) => Paragraphs(Member("T:" + Name(type))?.Element("summary"));
        public IReadOnlyList<string> Remarks(Type type) => Paragraphs(Member("T:" + Name(type))?.Element("remarks"));

        public IReadOnlyList<string> Summary(PropertyInfo property) =>
            Paragraphs(Member("P:" + Name(property.DeclaringType!) + "." + property.Name)?.Element("summary"));

        /// <summary>A parameter's description in one cmdlet. A parameter inherited from a shared options class (such as
        /// SyncSettingsCmdlet) has that class's summary, unless the cmdlet words it its own way in its class comment:
        /// &lt;parameter name="Override"&gt;text&lt;/parameter&gt; (Set- cmdlets say what replaces what).</summary>
        public IReadOnlyList<string> Summary(PropertyInfo property, Type cmdlet)
        {
            if (property.DeclaringType != cmdlet && OwnWording(cmdlet).TryGetValue(property.Name, out var own)) return Paragraphs(own);
            return Summary(property);
        }

        /// <summary>The &lt;parameter name="..."&gt; texts of a cmdlet's class comment, by parameter name.</summary>
        public IReadOnlyDictionary<string, XElement> OwnWording(Type cmdlet) =>
            (Member("T:" + Name(cmdlet))?.Elements("parameter") ?? Enumerable.Empty<XElement>())
                .ToDictionary(e => e.Attribute("name")?.Value ?? "", e => e);

        public IReadOnlyList<Example> Examples(Type type) =>
            (Member("T:" + Name(type))?.Elements("example") ?? Enumerable.Empty<XElement>())
                .Select(e => new Example(Code(e.Element("code")), e.Elements("para").Select(Inline).Where(p => p.Length > 0).ToList()))
                .ToList();

        private XElement? Member(string name) => members.TryGetValue(name, out var m) ? m : null;

        private static string Name(Type t) => (t.FullName ?? t.Name).Replace('+', '.');

        /// <summary>Paragraphs of a doc element: each &lt;para&gt; is one, and so is the text around them.</summary>
        public static IReadOnlyList<string> Paragraphs(XElement? element)
        {
            var result = new List<string>();
            if (element == null) return result;
            var current = new StringBuilder();
            void Flush()
            {
                var text = Collapse(current.ToString());
                if (text.Length > 0) result.Add(text);
                current.Clear();
            }
            foreach (var node in element.Nodes())
            {
                if (node is XElement { Name.LocalName: "para" } para) { Flush(); current.Append(Inline(para)); Flush(); }
                else if (node is XElement { Name.LocalName: "list" } list)
                {
                    Flush();
                    foreach (var item in list.Elements("item")) { current.Append("- ").Append(Inline(item)); Flush(); }
                }
                else current.Append(InlineNode(node));
            }
            Flush();
            return result;
        }

        private static string Inline(XElement element) => Collapse(string.Concat(element.Nodes().Select(InlineNode)));

        private static string InlineNode(XNode node) => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see => see.Value.Length > 0 ? see.Value : CrefName(see),
            XElement { Name.LocalName: "paramref" or "typeparamref" } r => r.Attribute("name")?.Value ?? "",
            XElement e => string.Concat(e.Nodes().Select(InlineNode)),
            _ => "",
        };

        private static string CrefName(XElement see)
        {
            var cref = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? see.Attribute("href")?.Value ?? "";
            var name = cref.Contains(':') ? cref.Substring(cref.IndexOf(':') + 1) : cref;
            return name.Split('(')[0].Split('.').Last();
        }

        private static string Collapse(string s) => Regex.Replace(s, @"\s+", " ").Trim();

        /// <summary>Code as written, without the indentation the comment added.</summary>
        private static string Code(XElement? code)
        {
            if (code == null) return "";
            var lines = code.Value.Replace("\r\n", "\n").Split('\n').ToList();
            while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
            while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
            var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
            return string.Join(Environment.NewLine, lines.Select(l => l.Length >= indent ? l.Substring(indent).TrimEnd() : l.Trim()));
        }
    }
}
