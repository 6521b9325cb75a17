/** brandlock Photoshop panel (UXP). The panel lands with the Photoshop plugin issue. */
export const PLUGIN_ID = 'com.brandlock.photoshop';
