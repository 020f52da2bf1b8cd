// Leaflet with the markercluster plugin. The plugin is a UMD script that extends the
// global `L`, so the global must exist before the plugin module runs: this module is
// imported (and so evaluated) first.
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;

export default L;
