/* Before decap-cms.js: Decap waits for sto-cms.js to start it (CMS.init), which first checks that
   the editor has somewhere to save to. */
window.CMS_MANUAL_INIT = true;
