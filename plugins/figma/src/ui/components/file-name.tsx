/**
 * A file name shown whole, free to wrap only after its "_" and "-" (a <wbr> there): the end of a
 * delivery name is its channel and size, which a cut ("…_pdp-webp_12…") or a break inside a part
 * ("pinter" / "est") hides from the person checking it.
 */
export function FileName({ name, class: className }: { name: string; class?: string }) {
  const parts = name.split(/(?<=[_-])/);
  return (
    <span class={className}>
      {parts.map((p, i) => (
        <>
          {p}
          {i < parts.length - 1 && <wbr />}
        </>
      ))}
    </span>
  );
}
