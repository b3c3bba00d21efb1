/* A lesson body's stream block: it knows the stand-in for blocks of an app or pack
   that is not installed (courses.packs.UnavailableBlock), so such blocks show as a
   read-only panel and are kept, but it never offers the stand-in in the block menu. */
(function () {
  const StreamBlockDefinition = window.wagtailStreamField.blocks.StreamBlockDefinition;

  class ExtensibleStreamBlockDefinition extends StreamBlockDefinition {
    constructor(name, groupedChildBlockDefs, initialChildStates, meta, hiddenChildBlockDefs) {
      super(name, groupedChildBlockDefs, initialChildStates, meta);
      (hiddenChildBlockDefs || []).forEach((childBlockDef) => {
        this.childBlockDefsByName[childBlockDef.name] = childBlockDef;
      });
    }
  }

  window.telepath.register('courses.ExtensibleStreamBlock', ExtensibleStreamBlockDefinition);
})();
